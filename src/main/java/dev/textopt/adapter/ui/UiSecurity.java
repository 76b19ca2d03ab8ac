package dev.textopt.adapter.ui;

import dev.textopt.session.ApiKeyLookup;
import dev.textopt.session.TenantContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.csrf.CookieCsrfTokenRepository;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;
import org.springframework.security.web.savedrequest.NullRequestCache;
import org.springframework.security.web.util.matcher.RequestHeaderRequestMatcher;

/**
 * The web view's security chain (/ui and below; the API's chain takes everything else). With API keys
 * on, a person signs in once with a key at {@code /ui/login}: the key is checked and forgotten, the
 * session (in PostgreSQL, Spring Session JDBC) holds only the tenant. Every form and htmx POST carries a
 * CSRF token, in both modes. Nothing is stored for someone who has not signed in: the CSRF token lives in
 * a cookie, and a refused page is not remembered for after the sign-in.
 */
@Configuration(proxyBeanMethods = false)
class UiSecurity {

    static final String LOGIN = "/ui/login";

    private static final String CSP = "default-src 'self'; img-src 'self' data:; style-src 'self' 'unsafe-inline'; "
            + "script-src 'self'; object-src 'none'; base-uri 'none'; frame-ancestors 'none'; form-action 'self'";

    @Bean
    @Order(Ordered.HIGHEST_PRECEDENCE)
    SecurityFilterChain uiChain(HttpSecurity http, ApiKeyLookup keys) throws Exception {
        http.securityMatcher("/ui", "/ui/**")
                .csrf(c -> c.csrfTokenRepository(csrfCookie()))
                .headers(h -> h.contentSecurityPolicy(csp -> csp.policyDirectives(CSP))
                        .referrerPolicy(r -> r.policy(ReferrerPolicy.SAME_ORIGIN)))
                .requestCache(c -> c.requestCache(new NullRequestCache()))
                .logout(l -> l.logoutUrl("/ui/logout").logoutSuccessUrl(keys.enabled() ? LOGIN + "?logout" : "/ui"));
        if (keys.enabled()) {
            http.authorizeHttpRequests(a -> a.requestMatchers("/ui/assets/**", LOGIN).permitAll().anyRequest().authenticated())
                    .anonymous(AbstractHttpConfigurer::disable) // no authentication means no tenant
                    .formLogin(f -> f.loginPage(LOGIN).passwordParameter("key").defaultSuccessUrl("/ui", true)
                            .failureUrl(LOGIN + "?error"))
                    .authenticationManager(new ProviderManager(signInWithKey(keys)))
                    .exceptionHandling(e -> e
                            // htmx follows HX-Redirect with a full page load; a 302 would land inside the page
                            .defaultAuthenticationEntryPointFor((request, response, exception) -> {
                                response.setHeader("HX-Redirect", LOGIN);
                                response.setStatus(401);
                            }, new RequestHeaderRequestMatcher("HX-Request"))
                            .defaultAuthenticationEntryPointFor(new LoginUrlAuthenticationEntryPoint(LOGIN),
                                    request -> true));
        } else {
            http.authorizeHttpRequests(a -> a.anyRequest().permitAll())
                    .anonymous(a -> a.principal(TenantContext.SINGLE_USER));
        }
        return http.build();
    }

    /** HttpOnly, SameSite=Strict, for the view's paths only; the pages carry the token in forms and a meta tag. */
    private static CookieCsrfTokenRepository csrfCookie() {
        var repository = new CookieCsrfTokenRepository();
        repository.setCookiePath("/ui");
        repository.setCookieCustomizer(cookie -> cookie.sameSite("Strict"));
        return repository;
    }

    /** The sign-in form's key, as the password of Spring Security's form login (there is no user name). */
    private static AuthenticationProvider signInWithKey(ApiKeyLookup keys) {
        return new AuthenticationProvider() {
            @Override
            public Authentication authenticate(Authentication attempt) {
                String key = attempt.getCredentials() == null ? "" : attempt.getCredentials().toString().strip();
                String tenant = keys.tenantFor(key).orElseThrow(() -> new BadCredentialsException("not a valid API key"));
                return UsernamePasswordAuthenticationToken.authenticated(tenant, null, AuthorityUtils.createAuthorityList("ROLE_TENANT"));
            }

            @Override
            public boolean supports(Class<?> authentication) {
                return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
            }
        };
    }
}
