package al.ura.identity;

import al.ura.kernel.CurrentActor;
import al.ura.kernel.CursorPage;
import al.ura.kernel.Cursors;
import al.ura.kernel.RoleDefinition;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1")
@Tag(name = "Identity and access")
class IdentityApiController {

    private final UserAdministration users;
    private final ApiTokenService tokens;
    private final AccountService accounts;
    private final OnboardingService onboarding;
    private final RoleCatalogue roles;

    IdentityApiController(
            UserAdministration users,
            ApiTokenService tokens,
            AccountService accounts,
            OnboardingService onboarding,
            RoleCatalogue roles) {
        this.users = users;
        this.tokens = tokens;
        this.accounts = accounts;
        this.onboarding = onboarding;
        this.roles = roles;
    }

    /** Who the caller is: a person or, with a token, the token's service account. */
    record Me(UUID userId, @Nullable UUID organisationId, String displayName, String kind, List<String> permissions) {}

    @GetMapping("/me")
    @Operation(summary = "The caller: person or service account, organisation and permissions")
    Me me() {
        var actor = CurrentActor.get();
        return new Me(
                java.util.Objects.requireNonNull(actor.userId()),
                actor.organisationId(),
                actor.displayName(),
                actor.kind().name(),
                actor.permissions().stream().sorted().toList());
    }

    @GetMapping("/roles")
    @Operation(summary = "Every role and the permissions it grants")
    List<RoleDefinition> roles() {
        return roles.all();
    }

    @PostMapping("/organisations")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Onboard an organisation and invite its first administrator (platform operator)")
    OnboardingService.Onboarded onboard(@RequestBody OnboardingService.OnboardCommand command) {
        return onboarding.onboard(CurrentActor.get(), command);
    }

    @GetMapping("/organisations/{organisationId}/users")
    @Operation(summary = "The users of an organisation (its administrators, or the platform operator)")
    CursorPage<UserView> users(
            @PathVariable UUID organisationId,
            @RequestParam(required = false) @Nullable String cursor,
            @RequestParam(required = false) @Nullable Integer limit) {
        return users.list(CurrentActor.get(), organisationId, cursor, Cursors.limit(limit));
    }

    @PostMapping("/organisations/{organisationId}/users")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Invite a person; the answer carries the one-time invitation path")
    InvitedUser invite(@PathVariable UUID organisationId, @RequestBody InviteUserCommand command) {
        return users.invite(CurrentActor.get(), organisationId, command);
    }

    record ServiceAccountRequest(@Nullable String name) {}

    @PostMapping("/organisations/{organisationId}/service-accounts")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Create a service account for machine clients")
    UserView serviceAccount(@PathVariable UUID organisationId, @RequestBody ServiceAccountRequest request) {
        return users.createServiceAccount(CurrentActor.get(), organisationId, request.name());
    }

    @GetMapping("/users/{userId}")
    UserView user(@PathVariable UUID userId) {
        return users.get(CurrentActor.get(), userId);
    }

    record RolesRequest(@Nullable List<String> roles) {}

    @PutMapping("/users/{userId}/roles")
    UserView roles(@PathVariable UUID userId, @RequestBody RolesRequest request) {
        return users.updateRoles(CurrentActor.get(), userId, request.roles() == null ? List.of() : request.roles());
    }

    @PostMapping("/users/{userId}/disable")
    UserView disable(@PathVariable UUID userId) {
        return users.setEnabled(CurrentActor.get(), userId, false);
    }

    @PostMapping("/users/{userId}/enable")
    UserView enable(@PathVariable UUID userId) {
        return users.setEnabled(CurrentActor.get(), userId, true);
    }

    @PostMapping("/users/{userId}/second-factor/reset")
    UserView resetSecondFactor(@PathVariable UUID userId) {
        return users.resetSecondFactor(CurrentActor.get(), userId);
    }

    @PostMapping("/users/{userId}/invitation")
    InvitedUser reinvite(@PathVariable UUID userId) {
        return users.reinvite(CurrentActor.get(), userId);
    }

    @GetMapping("/tokens")
    @Operation(summary = "The API tokens of the caller's organisation (never their secrets)")
    List<ApiTokenView> tokens() {
        return tokens.list(CurrentActor.get());
    }

    @PostMapping("/tokens")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Issue a token to a service account of the caller's organisation; the secret is shown once")
    IssuedToken issue(@RequestBody IssueTokenCommand command) {
        return tokens.issue(CurrentActor.get(), command);
    }

    @PostMapping("/tokens/{tokenId}/revoke")
    ApiTokenView revoke(@PathVariable UUID tokenId) {
        return tokens.revoke(CurrentActor.get(), tokenId);
    }

    @PostMapping("/me/sessions/revoke")
    @Operation(summary = "Sign the caller out everywhere")
    Map<String, Integer> logoutEverywhere() {
        return Map.of("sessionsEnded", accounts.logoutEverywhere(CurrentActor.get()));
    }
}
