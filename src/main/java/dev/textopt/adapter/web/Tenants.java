package dev.textopt.adapter.web;

import dev.textopt.session.TenantContext;
import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

/**
 * The tenant a caller acts for: the name of its authentication, as Spring Security's chains established
 * it (a bearer API key's tenant, the tenant signed in to the web view, or {@code default} in single-user
 * mode). Nobody authenticated is an error, never a fallback tenant.
 */
@Component
class Tenants implements TenantContext {

    @Override
    public String current() {
        return ofSecurityContext();
    }

    /** A security context of its own for the work, whose authentication names the tenant and grants nothing else. */
    @Override
    public void actingFor(String tenant, Runnable work) {
        SecurityContext previous = SecurityContextHolder.getContext();
        SecurityContext context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(tenant, null, List.of()));
        SecurityContextHolder.setContext(context);
        try {
            work.run();
        } finally {
            SecurityContextHolder.setContext(previous);
        }
    }

    /** The tenant a request acts for: the web adapter's one way to ask. */
    static String current(HttpServletRequest request) {
        return ofSecurityContext();
    }

    private static String ofSecurityContext() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication == null || authentication.getName() == null) {
            throw new IllegalStateException("no authenticated caller on this thread, so no tenant; "
                    + "work off the request thread must carry the caller's security context");
        }
        return authentication.getName();
    }
}
