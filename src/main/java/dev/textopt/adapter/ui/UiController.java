package dev.textopt.adapter.ui;

import dev.textopt.optim.Gradient;
import dev.textopt.optim.InvalidOptimizerException;
import dev.textopt.optim.StorableText;
import dev.textopt.session.BadRequestException;
import dev.textopt.session.BudgetExhaustedException;
import dev.textopt.session.ExpectedVersion;
import dev.textopt.session.HistoryEntryNotFoundException;
import dev.textopt.session.ModelClientUnavailableException;
import dev.textopt.session.OptimizerSessions;
import dev.textopt.session.ParamNotFoundException;
import dev.textopt.session.ParamPatch;
import dev.textopt.session.RestoreService;
import dev.textopt.session.RunActiveException;
import dev.textopt.session.SessionNotFoundException;
import dev.textopt.session.StepRunningException;
import dev.textopt.session.StepService;
import dev.textopt.session.StoredSession;
import jakarta.servlet.http.HttpServletResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;
import java.util.function.Supplier;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import tools.jackson.databind.json.JsonMapper;

/**
 * The web view: the sessions list, one session with its timeline and charts, and the actions a person
 * takes on it. Calls the session use cases directly; every action is a POST that redirects back
 * (post/redirect/get), with what happened, or why not, shown once at the top of the page.
 */
@Controller
@RequestMapping("/ui")
class UiController {

    static final int LIST_PAGE = 20;

    private final OptimizerSessions sessions;
    private final StepService steps;
    private final RestoreService restores;
    private final SessionPage pages;
    private final ChartData charts;
    private final RunPage runs;
    private final JsonMapper json;

    UiController(OptimizerSessions sessions, StepService steps, RestoreService restores, SessionPage pages, ChartData charts,
            RunPage runs, JsonMapper json) {
        this.sessions = sessions;
        this.steps = steps;
        this.restores = restores;
        this.pages = pages;
        this.charts = charts;
        this.runs = runs;
        this.json = json;
    }

    @GetMapping({"", "/"})
    String list(@RequestParam(defaultValue = "0") int page, Model model) {
        listModel(page, model);
        return "ui/list";
    }

    /** The sessions table alone, which the list polls while a step runs. */
    @GetMapping("/fragments/sessions")
    String listTable(@RequestParam(defaultValue = "0") int page, Model model) {
        listModel(page, model);
        return "ui/list :: table";
    }

    private void listModel(int page, Model model) {
        var found = sessions.list(Math.max(0, page), LIST_PAGE);
        var rows = found.items().stream().map(pages::row).toList();
        model.addAttribute("rows", rows);
        model.addAttribute("anyRunning", rows.stream().anyMatch(r -> r.progress() != null));
        model.addAttribute("pager", new Views.Pager(found.page(), (int) Math.ceil(found.total() / (double) LIST_PAGE), found.total()));
    }

    @GetMapping("/sessions/{id}")
    String session(@PathVariable UUID id, @RequestParam(defaultValue = "0") int page, Model model) {
        StoredSession s = sessions.get(id);
        var timeline = pages.timelinePage(id, Math.max(0, page));
        model.addAttribute("s", s);
        model.addAttribute("totals", Totals.of(s.usage()));
        model.addAttribute("created", SessionPage.time(s.createdAt()));
        model.addAttribute("updated", SessionPage.time(s.updatedAt()));
        model.addAttribute("params", pages.params(s));
        model.addAttribute("entries", pages.entries(timeline.items(), SessionPage.labels(s)));
        int timelinePages = (int) Math.ceil(timeline.total() / (double) SessionPage.TIMELINE_PAGE);
        model.addAttribute("pager", new Views.Pager(timeline.page(), timelinePages, timeline.total()));
        model.addAttribute("lastPage", timeline.page() + 1 >= timelinePages);
        model.addAttribute("progress", s.stepRunning() ? pages.progress(id) : null);
        model.addAttribute("runs", runs.rows(id));
        return "ui/session";
    }

    /**
     * The charts' section with its data, which the page fetches once it is shown: the page itself stays
     * quick however long the history, and the first view of a long one reads it here, once.
     */
    @GetMapping("/sessions/{id}/charts")
    String charts(@PathVariable UUID id, Model model) {
        model.addAttribute("s", sessions.get(id));
        model.addAttribute("chart", charts.json(id));
        return "ui/session :: charts";
    }

    /** Polled while a step runs; once it has ended, tells htmx to reload the page to show the result. */
    @GetMapping("/sessions/{id}/progress")
    String progress(@PathVariable UUID id, Model model, HttpServletResponse response) {
        StoredSession s = sessions.get(id);
        var progress = s.stepRunning() ? pages.progress(id) : null;
        if (progress == null) {
            response.setHeader("HX-Refresh", "true");
        }
        model.addAttribute("s", s);
        model.addAttribute("progress", progress);
        return "ui/session :: progress";
    }

    @PostMapping("/sessions/{id}/params/{paramId}")
    String edit(@PathVariable UUID id, @PathVariable UUID paramId, @RequestParam String data,
            @RequestParam(required = false) String role, RedirectAttributes flash) {
        return act(id, flash, () -> {
            sessions.patchParam(id, paramId, new ParamPatch(formText(data, "data"), role == null ? null : formText(role.strip(), "role"), null),
                    ExpectedVersion.ANY);
            return "Saved the parameter.";
        });
    }

    @PostMapping("/sessions/{id}/params/{paramId}/grad")
    String feedback(@PathVariable UUID id, @PathVariable UUID paramId, @RequestParam String data,
            @RequestParam(required = false) String role, RedirectAttributes flash) {
        return act(id, flash, () -> {
            if (data.isBlank()) {
                throw new BadRequestException("data", "the feedback is empty; write what should change");
            }
            String r = role == null || role.isBlank() ? "feedback" : formText(role.strip(), "role");
            sessions.appendGrads(id, paramId, List.of(new Gradient(formText(data, "data"), r)));
            return "Added the feedback.";
        });
    }

    @PostMapping("/sessions/{id}/clear-grad")
    String clearGrad(@PathVariable UUID id, RedirectAttributes flash) {
        return act(id, flash, () -> {
            sessions.clearGrad(id);
            return "Cleared every parameter's feedback.";
        });
    }

    @PostMapping("/sessions/{id}/step")
    String step(@PathVariable UUID id, @RequestParam(required = false) String closureUrl, RedirectAttributes flash) {
        return act(id, flash, () -> {
            int number = steps.stepAsync(id, closureUrl == null || closureUrl.isBlank() ? null : closureUrl.strip(), null).number();
            return "Step started (entry " + number + ").";
        });
    }

    @PostMapping("/sessions/{id}/restore")
    String restore(@PathVariable UUID id, @RequestParam int entry, RedirectAttributes flash) {
        return act(id, flash, () -> {
            restores.restore(id, entry, ExpectedVersion.ANY);
            return "Restored every parameter to its value after entry " + entry + ".";
        });
    }

    @GetMapping("/sessions/{id}/state-dict.json")
    ResponseEntity<byte[]> stateDict(@PathVariable UUID id) {
        byte[] body = json.writerWithDefaultPrettyPrinter().writeValueAsString(sessions.stateDict(id).value()).getBytes(StandardCharsets.UTF_8);
        return ResponseEntity.ok()
                .contentType(MediaType.APPLICATION_JSON)
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"textopt-" + id + "-state-dict.json\"")
                .body(body);
    }

    @ExceptionHandler({SessionNotFoundException.class, ParamNotFoundException.class})
    @ResponseStatus(HttpStatus.NOT_FOUND)
    String notFound(RuntimeException e, Model model) {
        model.addAttribute("message", e.getMessage());
        return "ui/not-found";
    }

    private static String act(UUID id, RedirectAttributes flash, Supplier<String> action) {
        try {
            flash.addFlashAttribute("notice", action.get());
        } catch (BadRequestException | InvalidOptimizerException | StepRunningException | RunActiveException
                | ModelClientUnavailableException | HistoryEntryNotFoundException | BudgetExhaustedException e) {
            flash.addFlashAttribute("error", e.getMessage());
        }
        return "redirect:/ui/sessions/" + id;
    }

    /**
     * Browsers send form text with CRLF line ends; prompts keep the LF the API would have stored. Text that
     * could not be stored as typed (a NUL character) is refused, as in the API.
     */
    private static String formText(String text, String field) {
        StorableText.problem(text).ifPresent(problem -> {
            throw new BadRequestException(field, "the " + field + " " + problem);
        });
        return text.replace("\r\n", "\n");
    }
}
