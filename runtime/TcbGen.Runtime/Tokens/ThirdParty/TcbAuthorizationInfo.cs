using System;
using System.Collections.Generic;

namespace TcbGen.Runtime
{
    /// <summary>What <c>api_query_auth</c> returned for an authorization code: the account and what it granted.</summary>
    public sealed class TcbAuthorizationInfo
    {
        /// <summary>Creates the result.</summary>
        /// <param name="authorizerAppId">The authorizer's appid.</param>
        /// <param name="permissionSetIds">The granted permission sets (<c>func_info[].funcscope_category.id</c>).</param>
        public TcbAuthorizationInfo(string authorizerAppId, IReadOnlyList<int> permissionSetIds)
        {
            AuthorizerAppId = authorizerAppId ?? throw new ArgumentNullException(nameof(authorizerAppId));
            PermissionSetIds = permissionSetIds ?? throw new ArgumentNullException(nameof(permissionSetIds));
        }

        /// <summary>The authorizer's appid.</summary>
        public string AuthorizerAppId { get; }

        /// <summary>The granted permission sets; an account may grant fewer than the platform asked for.</summary>
        public IReadOnlyList<int> PermissionSetIds { get; }

        /// <inheritdoc />
        public override string ToString() => "TcbAuthorizationInfo { AuthorizerAppId = " + AuthorizerAppId + ", PermissionSetIds = [" + string.Join(", ", PermissionSetIds) + "] }";
    }
}
