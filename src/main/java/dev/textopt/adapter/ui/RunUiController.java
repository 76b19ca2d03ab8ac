package dev.textopt.adapter.ui;

import dev.textopt.session.OptimizerSessions;
import dev.textopt.session.RunNotFoundException;
import dev.textopt.session.RunService;
import dev.textopt.session.SessionNotFoundException;
import dev.textopt.session.StoredRun;
import dev.textopt.session.StoredSession;
import jakarta.servlet.http.HttpServletResponse;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** A training run's page: its scores per step, the best, the prompts; its progress while it runs, and a cancel button. */
@Controller
@RequestMapping("/ui/sessions/{id}/runs/{runId}")
class RunUiController {

    private final OptimizerSessions sessions;
    private final RunService runs;
    private final RunPage pages;

    RunUiController(OptimizerSessions sessions, RunService runs, RunPage pages) {
        this.sessions = sessions;
        this.runs = runs;
        this.pages = pages;
    }

    @GetMapping
    String run(@PathVariable UUID id, @PathVariable UUID runId, Model model) {
        StoredSession session = sessions.get(id);
        model.addAttribute("s", session);
        model.addAttribute("run", pages.view(session, runs.get(id, runId)));
        return "ui/run";
    }

    /** Polled while the run is active; once it has ended, tells htmx to reload the page to show all of it. */
    @GetMapping("/progress")
    String progress(@PathVariable UUID id, @PathVariable UUID runId, Model model, HttpServletResponse response) {
        StoredSession session = sessions.get(id);
        StoredRun run = runs.get(id, runId);
        if (!run.status().active()) {
            response.setHeader("HX-Refresh", "true");
        }
        model.addAttribute("s", session);
        model.addAttribute("run", pages.view(session, run));
        return "ui/run :: progress";
    }

    @PostMapping("/cancel")
    String cancel(@PathVariable UUID id, @PathVariable UUID runId, RedirectAttributes flash) {
        StoredRun run = runs.cancel(id, runId);
        flash.addFlashAttribute("notice", run.status().active() ? "The run stops after the model call in flight."
                : "The run has ended (" + run.status().wire() + ").");
        return "redirect:/ui/sessions/" + id + "/runs/" + runId;
    }

    @ExceptionHandler({SessionNotFoundException.class, RunNotFoundException.class})
    @ResponseStatus(HttpStatus.NOT_FOUND)
    String notFound(RuntimeException e, Model model) {
        model.addAttribute("message", e.getMessage());
        return "ui/not-found";
    }
}
