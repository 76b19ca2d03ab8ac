package dev.textopt.adapter.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import java.lang.annotation.Annotation;
import java.util.Collections;
import java.util.Enumeration;
import java.util.HashMap;
import java.util.Map;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.context.annotation.Lazy;
import org.springframework.stereotype.Component;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerMapping;
import org.springframework.web.util.ServletRequestPathUtils;

/**
 * Which controller method Spring MVC will route a request to, asked of Spring MVC's own handler mapping
 * before the request reaches it: a filter that decides by the handler agrees with routing however the
 * path is written (encoding, {@code ;} parameters, {@code //}, case), which no path rule of ours could promise.
 */
@Component
class HandlerLookup {

    private final HandlerMapping mapping;

    HandlerLookup(@Lazy @Qualifier("requestMappingHandlerMapping") HandlerMapping mapping) {
        this.mapping = mapping;
    }

    /** True if the request is routed to a controller method carrying {@code annotation}. */
    boolean routesTo(HttpServletRequest request, Class<? extends Annotation> annotation) {
        var probe = new OwnAttributes(request);
        try {
            ServletRequestPathUtils.parseAndCache(probe);
            var chain = mapping.getHandler(probe);
            return chain != null && chain.getHandler() instanceof HandlerMethod method && method.hasMethodAnnotation(annotation);
        } catch (Exception e) {
            return false; // no route, or a method or media type it does not take: Spring MVC answers it with a 4xx
        }
    }

    /** The request with attributes of its own, so that what the mapping notes on it does not reach the real request. */
    private static final class OwnAttributes extends HttpServletRequestWrapper {

        private final Map<String, Object> attributes = new HashMap<>();

        OwnAttributes(HttpServletRequest request) {
            super(request);
            for (String name : Collections.list(request.getAttributeNames())) {
                attributes.put(name, request.getAttribute(name));
            }
        }

        @Override
        public Object getAttribute(String name) {
            return attributes.get(name);
        }

        @Override
        public Enumeration<String> getAttributeNames() {
            return Collections.enumeration(attributes.keySet());
        }

        @Override
        public void setAttribute(String name, Object value) {
            attributes.put(name, value);
        }

        @Override
        public void removeAttribute(String name) {
            attributes.remove(name);
        }
    }
}
