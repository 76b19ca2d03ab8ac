package dev.textopt.adapter.web;

import dev.textopt.session.TenantContext;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.oauth2.server.resource.authentication.OpaqueTokenAuthenticationProvider;
import org.springframework.security.oauth2.server.resource.web.authentication.BearerTokenAuthenticationConverter;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.access.intercept.AuthorizationFilter;
import org.springframework.security.web.authentication.AnonymousAuthenticationFilter;
import org.springframework.security.web.authentication.AuthenticationEntryPointFailureHandler;
import org.springframework.security.web.authentication.AuthenticationFilter;
import org.springframework.security.web.firewall.HttpFirewall;
import org.springframework.security.web.firewall.RequestRejectedHandler;
import org.springframework.security.web.firewall.StrictHttpFirewall;

/**
 * The security chain of everything but the web view: the API, the actuator, the API description.
 * Fail-closed: with API keys on, every request needs {@code Authorization: Bearer <key>} except an
 * explicit list of open paths, so a spelling that does not match an open path ends at 401, never open.
 * Spring Security's HTTP firewall runs before both chains and refuses ambiguous spellings with a 400.
 */
@Configuration(proxyBeanMethods = false)
class ApiSecurity {

    /** Open without a key: probes, the API description and Swagger UI, the view's libraries, error pages. */
    static final String[] OPEN = {"/actuator/health", "/actuator/health/liveness", "/actuator/health/readiness",
            "/v3/api-docs", "/v3/api-docs/**", "/swagger-ui.html", "/swagger-ui/**", "/webjars/**", "/error"};

    @Bean
    @Order(Ordered.LOWEST_PRECEDENCE)
    SecurityFilterChain apiChain(HttpSecurity http, ApiKeys keys, IdempotencyFilter idempotency)
            throws Exception {
        http.csrf(AbstractHttpConfigurer::disable) // no cookies here: a browser cannot send a bearer key by itself
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .requestCache(AbstractHttpConfigurer::disable)
                .logout(AbstractHttpConfigurer::disable)
                .exceptionHandling(e -> e.authenticationEntryPoint(unauthorized()).accessDeniedHandler(forbidden()))
                // After authorization, so that it sees the caller's tenant and never runs for a refused request.
                .addFilterAfter(idempotency, AuthorizationFilter.class);
        if (keys.enabled()) {
            http.authorizeHttpRequests(a -> a.requestMatchers(OPEN).permitAll().anyRequest().authenticated())
                    .anonymous(AbstractHttpConfigurer::disable) // no authentication means no tenant
                    .addFilterBefore(bearerKeys(keys), AnonymousAuthenticationFilter.class);
        } else {
            http.authorizeHttpRequests(a -> a.anyRequest().permitAll())
                    .anonymous(a -> a.principal(TenantContext.SINGLE_USER));
        }
        return http.build();
    }

    /**
     * Spring Security's authentication filter with its bearer-token converter and opaque-token provider;
     * the one thing of ours is {@link ApiKeys}, which says which tenant a key belongs to.
     */
    private static AuthenticationFilter bearerKeys(ApiKeys keys) {
        var filter = new AuthenticationFilter(new ProviderManager(new OpaqueTokenAuthenticationProvider(keys)),
                new BearerTokenAuthenticationConverter());
        filter.setSuccessHandler((request, response, authentication) -> {
            // go on down the chain: there is nowhere to redirect an API call to
        });
        filter.setFailureHandler(new AuthenticationEntryPointFailureHandler(unauthorized()));
        return filter;
    }

    /** 401 with {@code WWW-Authenticate: Bearer} (RFC 6750) and a problem+json body that never repeats the key. */
    private static AuthenticationEntryPoint unauthorized() {
        return (request, response, exception) -> {
            boolean presented = request.getHeader("Authorization") != null;
            response.setHeader("WWW-Authenticate", presented ? "Bearer realm=\"textopt\", error=\"invalid_token\""
                    : "Bearer realm=\"textopt\"");
            ProblemWriter.write(response, Problems.of(ProblemType.UNAUTHORIZED, presented
                    ? "the API key is not valid; check it, or ask the operator for one"
                    : "send your API key as Authorization: Bearer <key>"));
        };
    }

    static AccessDeniedHandler forbidden() {
        return (request, response, exception) -> ProblemWriter.write(response, Problems.of(ProblemType.FORBIDDEN,
                "this request is not allowed for your key"));
    }

    /**
     * Spring Security's strict firewall, which refuses ';' path parameters, an encoded '/' or '%', '.' and
     * '..' segments, '//' and backslashes, and in addition any percent-encoding in the path: no path of
     * textopt needs one (ids are UUIDs and numbers), and a path that means what it says is one that the
     * security chains, the filters and Spring MVC cannot read differently.
     */
    @Bean
    HttpFirewall firewall() {
        var firewall = new StrictHttpFirewall();
        firewall.getEncodedUrlBlocklist().add("%");
        return firewall;
    }

    /** The firewall's refusals, as problem+json instead of an error page. */
    @Bean
    RequestRejectedHandler requestRejected() {
        return (request, response, exception) -> ProblemWriter.write(response, Problems.of(ProblemType.INVALID_REQUEST,
                "the URL or a header is ambiguous or malformed: a path may not contain percent-encoding, ';', "
                        + "'.' or '..' segments, '//' or a backslash. Send the plain path, e.g. /v1/optimizers"));
    }

    /** The idempotency filter runs inside the chain above only, not a second time as a servlet filter of its own. */
    @Bean
    FilterRegistrationBean<IdempotencyFilter> idempotencyFilterOnlyInTheChain(IdempotencyFilter filter) {
        var registration = new FilterRegistrationBean<>(filter);
        registration.setEnabled(false);
        return registration;
    }
}
