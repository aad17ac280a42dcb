using System;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace TcbGen.AspNetCore
{
    /// <summary>Registers and maps the authorization-event URL and the authorization redirect.</summary>
    public static class TcbComponentEventsExtensions
    {
        /// <summary>
        /// Registers what <see cref="MapTcbComponentEvents"/> and <see cref="MapTcbAuthorizationRedirect"/> need. The
        /// third-party flow must be in use (<c>AddTcbGen(...).UseThirdPartyPlatform...</c>), with stores that also implement
        /// <see cref="Runtime.IComponentVerifyTicketWriter"/> and <see cref="Runtime.IAuthorizerRefreshTokenWriter"/>.
        /// </summary>
        /// <param name="services">The services.</param>
        /// <param name="configure">Sets the token and EncodingAESKey.</param>
        /// <returns>The services.</returns>
        public static IServiceCollection AddTcbComponentEvents(this IServiceCollection services, Action<TcbComponentEventsOptions> configure)
        {
            if (services is null)
            {
                throw new ArgumentNullException(nameof(services));
            }

            services.AddOptions<TcbComponentEventsOptions>().Configure(configure ?? throw new ArgumentNullException(nameof(configure)));
            services.TryAddSingleton<ComponentEventProcessor>();
            services.TryAddSingleton<ComponentEventsEndpoint>();
            services.TryAddSingleton<AuthorizationRedirectEndpoint>();
            return services;
        }

        /// <summary>Maps the authorization-event URL (授权事件接收配置): POST, replies <c>success</c>.</summary>
        /// <param name="endpoints">The route builder.</param>
        /// <param name="pattern">The path configured in the open platform console, e.g. <c>/wechat/component</c>.</param>
        /// <returns>The endpoint's convention builder.</returns>
        public static IEndpointConventionBuilder MapTcbComponentEvents(this IEndpointRouteBuilder endpoints, string pattern)
        {
            if (endpoints is null)
            {
                throw new ArgumentNullException(nameof(endpoints));
            }

            ComponentEventsEndpoint handler = endpoints.ServiceProvider.GetRequiredService<ComponentEventsEndpoint>();
            return endpoints.MapPost(pattern, (RequestDelegate)handler.HandleAsync);
        }

        /// <summary>Maps the authorization link's redirect URI: GET with <c>auth_code</c>, exchanged once with the push.</summary>
        /// <param name="endpoints">The route builder.</param>
        /// <param name="pattern">The redirect path, e.g. <c>/wechat/authorized</c>.</param>
        /// <returns>The endpoint's convention builder.</returns>
        public static IEndpointConventionBuilder MapTcbAuthorizationRedirect(this IEndpointRouteBuilder endpoints, string pattern)
        {
            if (endpoints is null)
            {
                throw new ArgumentNullException(nameof(endpoints));
            }

            AuthorizationRedirectEndpoint handler = endpoints.ServiceProvider.GetRequiredService<AuthorizationRedirectEndpoint>();
            return endpoints.MapGet(pattern, (RequestDelegate)handler.HandleAsync);
        }
    }
}
