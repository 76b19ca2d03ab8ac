package dev.textopt.adapter.web;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.converter.json.ProblemDetailJacksonMixin;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.json.JsonMapper;

/**
 * Writes a problem detail where no controller advice can: in a servlet filter or a security chain (the
 * firewall's 400, the 401 and 403, the body size limit, idempotency), or in Tomcat's error report before
 * Spring is reached. Through Jackson, with the mix-in and naming Spring MVC uses, so these
 * answers are shaped like every other problem.
 */
final class ProblemWriter {

    private static final JsonMapper JSON = JsonMapper.builder()
            .addMixIn(ProblemDetail.class, ProblemDetailJacksonMixin.class)
            .propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
            .build();

    private ProblemWriter() {
    }

    static String json(ProblemDetail problem) {
        return JSON.writeValueAsString(problem);
    }

    static void write(HttpServletResponse response, ProblemDetail problem) throws IOException {
        response.setStatus(problem.getStatus());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        response.setCharacterEncoding("UTF-8");
        byte[] body = JSON.writeValueAsBytes(problem);
        response.setContentLength(body.length);
        response.getOutputStream().write(body);
    }
}
