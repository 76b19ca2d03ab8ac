package dev.textopt.adapter.web;

import dev.textopt.session.CurrentTenant;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Optional;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * {@code Authorization: Bearer <key>} on the API and the actuator (health stays open, for probes).
 * Every request then acts for its key's tenant. Without configured keys: single-user mode.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
class ApiKeyFilter extends OncePerRequestFilter {

    static final String TENANT_ATTRIBUTE = ApiKeyFilter.class.getName() + ".tenant";

    private final ApiKeys keys;

    ApiKeyFilter(ApiKeys keys) {
        this.keys = keys;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        String path = request.getRequestURI();
        return !(path.startsWith("/v1/") || path.equals("/v1") || path.startsWith("/actuator"))
                || path.equals("/actuator/health") || path.startsWith("/actuator/health/");
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String tenant = CurrentTenant.SINGLE_USER;
        if (keys.enabled()) {
            String header = request.getHeader("Authorization");
            var found = header != null && header.regionMatches(true, 0, "Bearer ", 0, 7)
                    ? keys.tenantFor(header.substring(7).trim()) : Optional.<String>empty();
            if (found.isEmpty()) {
                response.setHeader("WWW-Authenticate", "Bearer realm=\"textopt\"");
                ProblemWriter.write(response, Problems.of(ProblemType.UNAUTHORIZED, header == null
                        ? "send your API key as Authorization: Bearer <key>"
                        : "the API key is not valid; check it, or ask the operator for one"));
                return;
            }
            tenant = found.get();
        }
        request.setAttribute(TENANT_ATTRIBUTE, tenant);
        try {
            CurrentTenant.runAs(tenant, () -> chain.doFilter(request, response));
        } catch (IOException | ServletException | RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new ServletException(e);
        }
    }
}
