package dev.textopt.adapter.web;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.LinkedHashMap;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * Problem details written by filters, which answer before Spring MVC and so before {@link ProblemHandler}:
 * the security chains' 400, 401 and 403, and the body size limit. Serialised by Jackson, so any text in
 * them (a request path, say) is escaped as JSON requires.
 */
@Component
class ProblemWriter {

    private final JsonMapper json;

    ProblemWriter(JsonMapper json) {
        this.json = json;
    }

    void write(HttpServletResponse response, int status, String type, String title, String detail, String instance)
            throws IOException {
        var problem = new LinkedHashMap<String, Object>();
        problem.put("type", Problems.BASE + type);
        problem.put("title", title);
        problem.put("status", status);
        problem.put("detail", detail);
        if (instance != null) {
            problem.put("instance", instance);
        }
        response.setStatus(status);
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        response.setCharacterEncoding("UTF-8");
        response.getOutputStream().write(json.writeValueAsBytes(problem));
    }
}
