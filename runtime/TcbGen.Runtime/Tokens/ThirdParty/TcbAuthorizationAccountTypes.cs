namespace TcbGen.Runtime
{
    /// <summary>
    /// The authorization link's <c>auth_type</c>: which of the merchant's accounts the authorization page offers (授权流程技术说明).
    /// Leave it unset (<see langword="null"/>) for WeChat's default, official accounts and mini programs both.
    /// </summary>
    public enum TcbAuthorizationAccountTypes
    {
        /// <summary><c>1</c>: only official accounts (公众号).</summary>
        OfficialAccount = 1,

        /// <summary><c>2</c>: only mini programs (小程序).</summary>
        MiniProgram = 2,

        /// <summary><c>3</c>: official accounts and mini programs.</summary>
        OfficialAccountAndMiniProgram = 3,

        /// <summary><c>4</c>: mini program promoter accounts (小程序推客账号).</summary>
        MiniProgramPromoter = 4,

        /// <summary><c>5</c>: WeChat Channels accounts (视频号账号).</summary>
        Channels = 5,

        /// <summary><c>6</c>: all of them (official accounts, mini programs and Channels accounts).</summary>
        All = 6,
    }
}
