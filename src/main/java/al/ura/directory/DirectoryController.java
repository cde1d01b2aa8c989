package al.ura.directory;

import al.ura.audit.AuditEvent;
import al.ura.audit.AuditLog;
import al.ura.kernel.CurrentActor;
import al.ura.kernel.CursorPage;
import al.ura.kernel.Cursors;
import al.ura.kernel.NavigationItem;
import al.ura.kernel.ProblemException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@Controller
class DirectoryController {

    private final OrganisationDirectory directory;

    DirectoryController(OrganisationDirectory directory) {
        this.directory = directory;
    }

    @GetMapping("/directory")
    String organisations(@RequestParam(required = false) @Nullable String cursor, Model model) {
        model.addAttribute("page", directory.list(CurrentActor.get(), cursor, Cursors.DEFAULT_LIMIT));
        return "directory/organisations";
    }

    @Configuration(proxyBeanMethods = false)
    static class Navigation {
        @Bean
        NavigationItem directoryNavigation() {
            return new NavigationItem("nav.directory", "/directory", 100, Set.of(DirectoryPermissions.READ));
        }
    }
}

@RestController
@RequestMapping("/api/v1/directory/organisations")
@Tag(name = "Directory")
class DirectoryApiController {

    private final OrganisationDirectory directory;
    private final AuditLog auditLog;

    DirectoryApiController(OrganisationDirectory directory, AuditLog auditLog) {
        this.directory = directory;
        this.auditLog = auditLog;
    }

    @GetMapping
    @Operation(summary = "Organisations in the directory, by short name")
    CursorPage<OrganisationView> list(
            @RequestParam(required = false) @Nullable String cursor,
            @RequestParam(required = false) @Nullable Integer limit) {
        return directory.list(CurrentActor.get(), cursor, Cursors.limit(limit));
    }

    @GetMapping("/{id}")
    @Operation(summary = "One organisation")
    OrganisationView one(@PathVariable UUID id) {
        var actor = CurrentActor.get();
        if (!actor.has(DirectoryPermissions.READ)) {
            auditLog.denied(actor, AuditEvent.of("directory.organisation.read", "organisation", id, id));
            throw ProblemException.forbidden();
        }
        return directory.find(id).orElseThrow(ProblemException::notFound);
    }
}
