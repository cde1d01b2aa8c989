package al.ura.identity;

import al.ura.audit.AuditEvent;
import al.ura.audit.AuditLog;
import al.ura.directory.DirectoryPermissions;
import al.ura.directory.OrganisationDirectory;
import al.ura.directory.OrganisationType;
import al.ura.kernel.Actor;
import al.ura.kernel.CurrentActor;
import al.ura.kernel.Cursors;
import al.ura.kernel.NavigationItem;
import al.ura.kernel.ProblemException;
import jakarta.servlet.http.HttpServletResponse;
import java.time.Clock;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Administration pages: the organisation's people, service accounts and tokens; onboarding for the operator. */
@Controller
class AdministrationController {

    private final UserAdministration users;
    private final ApiTokenService tokens;
    private final OnboardingService onboarding;
    private final OrganisationDirectory directory;
    private final RoleCatalogue roles;
    private final AuditLog auditLog;
    private final Clock clock;

    AdministrationController(
            UserAdministration users,
            ApiTokenService tokens,
            OnboardingService onboarding,
            OrganisationDirectory directory,
            RoleCatalogue roles,
            AuditLog auditLog,
            Clock clock) {
        this.auditLog = auditLog;
        this.clock = clock;
        this.users = users;
        this.tokens = tokens;
        this.onboarding = onboarding;
        this.directory = directory;
        this.roles = roles;
    }

    @GetMapping("/admin/users")
    String users(
            @RequestParam(required = false) @Nullable UUID organisation,
            @RequestParam(required = false) @Nullable String cursor,
            Model model) {
        Actor actor = CurrentActor.get();
        UUID target = organisation != null ? organisation : actor.requireOrganisation();
        model.addAttribute("organisation", directory.find(target).orElseThrow(ProblemException::notFound));
        model.addAttribute("page", users.list(actor, target, cursor, Cursors.DEFAULT_LIMIT));
        model.addAttribute("roles", users.grantableRoles(actor, target));
        return "identity/users";
    }

    @PostMapping("/admin/users")
    String invite(
            @RequestParam UUID organisation,
            @RequestParam String email,
            @RequestParam String displayName,
            @RequestParam(required = false) @Nullable List<String> roles,
            @RequestParam(defaultValue = "sq") String locale,
            HttpServletResponse response,
            Model model) {
        try {
            InvitedUser invited = users.invite(
                    CurrentActor.get(), organisation, new InviteUserCommand(email, displayName, roles, locale));
            model.addAttribute("invited", invited);
            return "identity/invited";
        } catch (ProblemException problem) {
            if (problem.fieldProblems().isEmpty()) {
                throw problem;
            }
            response.setStatus(422);
            model.addAttribute("problem", problem);
            model.addAttribute("form", new InviteUserCommand(email, displayName, roles, locale));
            return users(organisation, null, model);
        }
    }

    @GetMapping("/admin/users/{id}")
    String user(@PathVariable UUID id, Model model) {
        UserView user = users.get(CurrentActor.get(), id);
        model.addAttribute("user", user);
        model.addAttribute("roles", users.grantableRoles(CurrentActor.get(), user.organisationId()));
        model.addAttribute("organisation", directory.find(user.organisationId()).orElseThrow());
        return "identity/user";
    }

    @PostMapping("/admin/users/{id}/roles")
    String updateRoles(
            @PathVariable UUID id,
            @RequestParam(required = false) @Nullable List<String> roles,
            RedirectAttributes redirect) {
        try {
            users.updateRoles(CurrentActor.get(), id, roles == null ? List.of() : roles);
            redirect.addFlashAttribute("notice", "admin.user.roles-saved");
        } catch (ProblemException problem) {
            if (problem.fieldProblems().isEmpty()) {
                throw problem;
            }
            redirect.addFlashAttribute("problem", problem);
        }
        return "redirect:/admin/users/" + id;
    }

    @PostMapping("/admin/users/{id}/status")
    String status(@PathVariable UUID id, @RequestParam boolean enabled, RedirectAttributes redirect) {
        try {
            users.setEnabled(CurrentActor.get(), id, enabled);
            redirect.addFlashAttribute("notice", enabled ? "admin.user.enabled" : "admin.user.disabled");
        } catch (ProblemException problem) {
            if (problem.fieldProblems().isEmpty()) {
                throw problem;
            }
            redirect.addFlashAttribute("problem", problem);
        }
        return "redirect:/admin/users/" + id;
    }

    @PostMapping("/admin/users/{id}/second-factor/reset")
    String resetSecondFactor(@PathVariable UUID id, RedirectAttributes redirect) {
        users.resetSecondFactor(CurrentActor.get(), id);
        redirect.addFlashAttribute("notice", "admin.user.second-factor-reset");
        return "redirect:/admin/users/" + id;
    }

    @PostMapping("/admin/users/{id}/invitation")
    String reinvite(@PathVariable UUID id, Model model) {
        model.addAttribute("invited", users.reinvite(CurrentActor.get(), id));
        return "identity/invited";
    }

    @GetMapping("/admin/tokens")
    String tokens(Model model) {
        Actor actor = CurrentActor.get();
        UUID organisation = actor.requireOrganisation();
        model.addAttribute("tokens", tokens.list(actor));
        model.addAttribute(
                "serviceAccounts",
                users.list(actor, organisation, null, Cursors.MAX_LIMIT).items().stream()
                        .filter(u -> u.kind() == UserKind.SERVICE && u.status() == UserStatus.ACTIVE)
                        .toList());
        model.addAttribute("permissions", actor.permissions().stream().sorted().toList());
        model.addAttribute("now", clock.instant());
        return "identity/tokens";
    }

    @PostMapping("/admin/service-accounts")
    String serviceAccount(@RequestParam String name, RedirectAttributes redirect) {
        Actor actor = CurrentActor.get();
        try {
            users.createServiceAccount(actor, actor.requireOrganisation(), name);
            redirect.addFlashAttribute("notice", "admin.service-account.created");
        } catch (ProblemException problem) {
            if (problem.fieldProblems().isEmpty()) {
                throw problem;
            }
            redirect.addFlashAttribute("problem", problem);
        }
        return "redirect:/admin/tokens";
    }

    @PostMapping("/admin/tokens")
    String issue(
            @RequestParam(required = false) @Nullable UUID serviceAccountId,
            @RequestParam String name,
            @RequestParam(required = false) @Nullable List<String> permissions,
            @RequestParam(defaultValue = "90") int validDays,
            Model model,
            RedirectAttributes redirect) {
        try {
            model.addAttribute(
                    "issued",
                    tokens.issue(
                            CurrentActor.get(), new IssueTokenCommand(serviceAccountId, name, permissions, validDays)));
            return "identity/token-issued";
        } catch (ProblemException problem) {
            if (problem.fieldProblems().isEmpty()) {
                throw problem;
            }
            redirect.addFlashAttribute("problem", problem);
            return "redirect:/admin/tokens";
        }
    }

    @PostMapping("/admin/tokens/{id}/revoke")
    String revoke(@PathVariable UUID id, RedirectAttributes redirect) {
        tokens.revoke(CurrentActor.get(), id);
        redirect.addFlashAttribute("notice", "admin.token.revoked");
        return "redirect:/admin/tokens";
    }

    @GetMapping("/admin/organisations/new")
    String onboardForm(Model model) {
        requireOperator();
        model.addAttribute("types", OrganisationType.values());
        model.addAttribute("sectors", al.ura.directory.Sector.values());
        return "identity/onboard";
    }

    @PostMapping("/admin/organisations")
    String onboard(
            @RequestParam String shortName,
            @RequestParam String nameSq,
            @RequestParam String nameEn,
            @RequestParam(required = false) @Nullable OrganisationType type,
            @RequestParam String country,
            @RequestParam String adminEmail,
            @RequestParam String adminName,
            @RequestParam(defaultValue = "sq") String adminLocale,
            @RequestParam(required = false) al.ura.directory.@Nullable Sector sector,
            @RequestParam(required = false) @Nullable String officialDomains,
            @RequestParam(required = false) @Nullable String switchboardPhone,
            @RequestParam(required = false) @Nullable String website,
            @RequestParam(required = false) @Nullable String postalAddress,
            @RequestParam(required = false) @Nullable String languages,
            HttpServletResponse response,
            Model model) {
        OnboardingService.OnboardCommand command = new OnboardingService.OnboardCommand(
                shortName,
                nameSq,
                nameEn,
                type,
                country,
                adminEmail,
                adminName,
                adminLocale,
                sector,
                officialDomains == null ? null : List.of(officialDomains.split("[\\s,;]+")),
                switchboardPhone,
                website,
                postalAddress,
                languages == null ? null : List.of(languages.split("[\\s,;]+")));
        try {
            OnboardingService.Onboarded done = onboarding.onboard(CurrentActor.get(), command);
            model.addAttribute("invited", done.administrator());
            model.addAttribute("onboarded", done.organisation());
            return "identity/invited";
        } catch (ProblemException problem) {
            if (problem.fieldProblems().isEmpty()) {
                throw problem;
            }
            response.setStatus(422);
            model.addAttribute("problem", problem);
            model.addAttribute("form", command);
            model.addAttribute("types", OrganisationType.values());
            model.addAttribute("sectors", al.ura.directory.Sector.values());
            return "identity/onboard";
        }
    }

    private void requireOperator() {
        Actor actor = CurrentActor.get();
        if (!actor.has(DirectoryPermissions.MANAGE_ORGANISATIONS)) {
            auditLog.denied(
                    actor,
                    AuditEvent.of("directory.organisation.create", "organisation", null, actor.organisationId()));
            throw ProblemException.notFound();
        }
    }

    @Configuration(proxyBeanMethods = false)
    static class Navigation {
        @Bean
        NavigationItem usersNavigation() {
            return new NavigationItem("nav.users", "/admin/users", 200, Set.of(IdentityPermissions.USERS_MANAGE));
        }

        @Bean
        NavigationItem tokensNavigation() {
            return new NavigationItem("nav.tokens", "/admin/tokens", 210, Set.of(IdentityPermissions.TOKENS_MANAGE));
        }

        @Bean
        NavigationItem accountNavigation() {
            return new NavigationItem("nav.account", "/account", 950, Set.of());
        }
    }
}
