package al.ura.audit;

import al.ura.kernel.Actor;
import al.ura.kernel.CurrentActor;
import al.ura.kernel.CursorPage;
import al.ura.kernel.Cursors;
import al.ura.kernel.NavigationItem;
import al.ura.kernel.PeopleNames;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The ledger in the browser: who did what, filterable, and the chain's verification. */
@Controller
class AuditPageController {

    private final AuditService audit;
    private final PeopleNames people;

    AuditPageController(AuditService audit, PeopleNames people) {
        this.audit = audit;
        this.people = people;
    }

    @GetMapping("/audit")
    String ledger(
            @RequestParam(required = false) @Nullable String action,
            @RequestParam(required = false) @Nullable String objectType,
            @RequestParam(required = false) @Nullable String objectId,
            @RequestParam(required = false) @Nullable String cursor,
            Model model) {
        AuditService.Query query =
                new AuditService.Query(blankToNull(action), blankToNull(objectType), blankToNull(objectId), null, null);
        model.addAttribute("query", query);
        Actor reader = CurrentActor.get();
        CursorPage<AuditEntryView> page = audit.entries(reader, query, cursor, Cursors.DEFAULT_LIMIT);
        model.addAttribute("page", page);
        // Names of the people who acted, for readers of the whole ledger and, otherwise, only for their own colleagues.
        Set<UUID> visible = page.items().stream()
                .filter(entry -> reader.has(AuditPermissions.READ_ALL) || reader.belongsTo(entry.actorOrganisationId()))
                .map(AuditEntryView::actorUserId)
                .filter(java.util.Objects::nonNull)
                .collect(java.util.stream.Collectors.toSet());
        model.addAttribute("names", people.displayNames(visible));
        model.addAttribute("canVerify", CurrentActor.get().has(AuditPermissions.READ_ALL));
        return "audit/ledger";
    }

    /** With htmx the result replaces a part of the page; without, the page reloads with it. */
    @PostMapping("/audit/verification")
    String verify(
            @RequestHeader(name = "HX-Request", required = false) @Nullable String htmx,
            Model model,
            RedirectAttributes redirect) {
        AuditVerification verification = audit.verify(CurrentActor.get());
        if (htmx == null) {
            redirect.addFlashAttribute("verification", verification);
            return "redirect:/audit";
        }
        model.addAttribute("verification", verification);
        return "audit/verification :: result";
    }

    private static @Nullable String blankToNull(@Nullable String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }

    @Configuration(proxyBeanMethods = false)
    static class Navigation {
        @Bean
        NavigationItem auditNavigation() {
            return new NavigationItem(
                    "nav.audit", "/audit", 300, Set.of(AuditPermissions.READ_ALL, AuditPermissions.READ_OWN));
        }
    }
}
