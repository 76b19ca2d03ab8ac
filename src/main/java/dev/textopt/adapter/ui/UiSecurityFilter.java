package dev.textopt.adapter.ui;

import dev.textopt.session.ApiKeyLookup;
import dev.textopt.session.CurrentTenant;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.net.URI;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The web view's counterpart of the API's key filter. With keys on, a person signs in once with a key
 * at {@code /ui/login}; the session then holds only the tenant (never the key), and every page acts
 * for it through {@link CurrentTenant}. There is no CSRF token, so a POST must come from our own
 * pages: one whose {@code Origin} or {@code Sec-Fetch-Site} says another site is refused.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 1)
class UiSecurityFilter extends OncePerRequestFilter {

    static final String TENANT = UiSecurityFilter.class.getName() + ".tenant";
    static final String LOGIN = "/ui/login";

    private final ApiKeyLookup keys;

    UiSecurityFilter(ApiKeyLookup keys) {
        this.keys = keys;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        String path = request.getRequestURI();
        return !(path.equals("/ui") || path.startsWith("/ui/")) || path.startsWith("/ui/assets/");
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        response.setHeader("X-Content-Type-Options", "nosniff");
        response.setHeader("X-Frame-Options", "DENY");
        response.setHeader("Referrer-Policy", "same-origin");
        response.setHeader("Content-Security-Policy", "default-src 'self'; img-src 'self' data:; style-src 'self' 'unsafe-inline'; "
                + "script-src 'self'; object-src 'none'; base-uri 'none'; frame-ancestors 'none'; form-action 'self'");
        if (!"GET".equals(request.getMethod()) && !"HEAD".equals(request.getMethod()) && crossSite(request)) {
            response.sendError(HttpServletResponse.SC_FORBIDDEN, "cross-site form posts are refused");
            return;
        }
        String tenant = CurrentTenant.SINGLE_USER;
        if (keys.enabled()) {
            HttpSession session = request.getSession(false);
            Object signedIn = session == null ? null : session.getAttribute(TENANT);
            if (signedIn == null) {
                if (request.getRequestURI().equals(LOGIN)) {
                    chain.doFilter(request, response);
                } else if (request.getHeader("HX-Request") != null) {
                    response.setHeader("HX-Redirect", LOGIN);
                    response.setStatus(HttpServletResponse.SC_UNAUTHORIZED);
                } else {
                    response.sendRedirect(LOGIN);
                }
                return;
            }
            tenant = signedIn.toString();
        }
        try {
            CurrentTenant.runAs(tenant, () -> chain.doFilter(request, response));
        } catch (IOException | ServletException | RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new ServletException(e);
        }
    }

    /** True when the browser says the request comes from another site (or another origin). */
    static boolean crossSite(HttpServletRequest request) {
        String fetchSite = request.getHeader("Sec-Fetch-Site");
        if (fetchSite != null && !fetchSite.equals("same-origin") && !fetchSite.equals("none")) {
            return true;
        }
        String origin = request.getHeader("Origin");
        if (origin == null || origin.isEmpty()) {
            return false;
        }
        if (origin.equals("null")) {
            return true;
        }
        try {
            URI uri = URI.create(origin);
            String host = request.getHeader("Host");
            String authority = uri.getPort() == -1 ? uri.getHost() : uri.getHost() + ":" + uri.getPort();
            return host == null || !(host.equalsIgnoreCase(authority) || host.equalsIgnoreCase(uri.getHost()));
        } catch (IllegalArgumentException e) {
            return true;
        }
    }
}
