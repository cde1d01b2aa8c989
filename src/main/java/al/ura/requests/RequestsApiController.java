package al.ura.requests;

import al.ura.kernel.CurrentActor;
import al.ura.kernel.CursorPage;
import al.ura.kernel.Cursors;
import al.ura.kernel.ProblemException;
import al.ura.kernel.Problems;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.core.io.InputStreamResource;
import org.springframework.http.ContentDisposition;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/**
 * The legal-requests REST API: everything the pages do, for the requesters' and the providers'
 * own tooling (a provider pulls its inbox, acknowledges, asks, answers with its token).
 */
@RestController
@RequestMapping("/api/v1/requests")
@Tag(name = "Legal requests")
class RequestsApiController {

    private final LegalRequests requests;
    private final ProviderDesk desk;
    private final Preservations preservations;
    private final OralEmergencies oral;
    private final RequestConversation conversation;
    private final RequestAttachments attachments;
    private final RequestStatistics statistics;
    private final LegalCatalogue catalogue;
    private final ProviderWebhooks webhooks;
    private final RequestDocuments documents;
    private final Problems problems;

    RequestsApiController(
            LegalRequests requests,
            ProviderDesk desk,
            Preservations preservations,
            OralEmergencies oral,
            RequestConversation conversation,
            RequestAttachments attachments,
            RequestStatistics statistics,
            LegalCatalogue catalogue,
            ProviderWebhooks webhooks,
            RequestDocuments documents,
            Problems problems) {
        this.requests = requests;
        this.desk = desk;
        this.preservations = preservations;
        this.oral = oral;
        this.conversation = conversation;
        this.attachments = attachments;
        this.statistics = statistics;
        this.catalogue = catalogue;
        this.webhooks = webhooks;
        this.documents = documents;
        this.problems = problems;
    }

    record Text(@Nullable String text) {}

    /** A request with what its reader is told about its signature. */
    record RequestResponse(RequestView request, LegalRequests.SignatureStatus signature) {}

    // ---- catalogue ----

    @GetMapping("/legal-provisions")
    @Operation(summary = "The legal provisions a request may rest on, in a country")
    List<LegalProvision> provisions(@RequestParam String country) {
        return catalogue.provisions(country);
    }

    @PostMapping("/legal-provisions")
    @Operation(summary = "Add a legal provision to the catalogue (platform operator)")
    ResponseEntity<LegalProvision> addProvision(@RequestBody LegalCatalogue.ProvisionCommand command) {
        return ResponseEntity.status(201).body(catalogue.addProvision(CurrentActor.get(), command));
    }

    @DeleteMapping("/legal-provisions/{id}")
    @Operation(summary = "Retire a legal provision (platform operator)")
    ResponseEntity<Void> retireProvision(@PathVariable UUID id) {
        catalogue.retireProvision(CurrentActor.get(), id);
        return ResponseEntity.noContent().build();
    }

    @GetMapping("/treaties")
    @Operation(summary = "Countries' treaty settings (Second Additional Protocol, preservation periods)")
    List<TreatyCountry> treaties() {
        return catalogue.treaties();
    }

    @PutMapping("/treaties/{country}")
    @Operation(summary = "Configure a country's treaty settings (platform operator)")
    TreatyCountry configure(@PathVariable String country, @RequestBody TreatyCountry settings) {
        return catalogue.configure(
                CurrentActor.get(),
                new TreatyCountry(
                        country,
                        settings.secondProtocol(),
                        settings.preservationDays(),
                        settings.extensionDays(),
                        settings.maxExtensions()));
    }

    // ---- requests ----

    @PostMapping
    @Operation(
            summary = "Start a draft request (officer); nothing is checked until it is sent for authorisation."
                    + " With send=true it is checked and sent for authorisation at once (201); if it is not valid"
                    + " it is kept as a draft and the answer is 400 with every field problem, the draft under"
                    + " 'request' and its address in Location")
    ResponseEntity<?> create(
            @RequestBody DraftCommand command, @RequestParam(defaultValue = "false") boolean send, Locale locale) {
        if (!send) {
            return ResponseEntity.status(201).body(requests.createDraft(CurrentActor.get(), command));
        }
        return switch (requests.createAndSubmitForAuthorisation(CurrentActor.get(), command)) {
            case Sending.Sent sent ->
                ResponseEntity.created(location(sent.request())).body(sent.request());
            case Sending.KeptAsDraft kept -> {
                ProblemDetail detail = problems.of(kept.problem(), locale);
                detail.setProperty("request", kept.request());
                yield ResponseEntity.status(detail.getStatus())
                        .location(location(kept.request()))
                        .contentType(Problems.PROBLEM_JSON)
                        .body(Problems.asMap(detail));
            }
        };
    }

    private static URI location(RequestView request) {
        return URI.create("/api/v1/requests/" + request.id());
    }

    @GetMapping("/outbox")
    @Operation(summary = "The requester's own requests, newest first")
    CursorPage<RequestSummary> outbox(
            @RequestParam(required = false) @Nullable Set<RequestStatus> status,
            @RequestParam(required = false) @Nullable Priority priority,
            @RequestParam(required = false) @Nullable Boolean emergency,
            @RequestParam(defaultValue = "false") boolean overdue,
            @RequestParam(required = false) @Nullable String reference,
            @RequestParam(required = false) @Nullable String cursor,
            @RequestParam(required = false) @Nullable Integer limit) {
        return requests.outbox(
                CurrentActor.get(),
                new RequestRepository.Filter(status, priority, emergency, overdue, reference),
                cursor,
                Cursors.limit(limit));
    }

    @GetMapping("/inbox")
    @Operation(summary = "The provider's inbox: requests addressed to it, newest first, keyset-paged")
    CursorPage<RequestSummary> inbox(
            @RequestParam(required = false) @Nullable Set<RequestStatus> status,
            @RequestParam(required = false) @Nullable Priority priority,
            @RequestParam(required = false) @Nullable Boolean emergency,
            @RequestParam(defaultValue = "false") boolean overdue,
            @RequestParam(required = false) @Nullable String reference,
            @RequestParam(required = false) @Nullable String cursor,
            @RequestParam(required = false) @Nullable Integer limit) {
        return requests.inbox(
                CurrentActor.get(),
                new RequestRepository.Filter(status, priority, emergency, overdue, reference),
                cursor,
                Cursors.limit(limit));
    }

    @GetMapping("/{id}")
    @Operation(summary = "A request, with its signature checked against the directory (read audited)")
    RequestResponse one(@PathVariable UUID id) {
        RequestView request = requests.read(CurrentActor.get(), id);
        return new RequestResponse(request, requests.signatureOf(request));
    }

    @PutMapping("/{id}")
    @Operation(summary = "Save a draft; If-Match carries the version being edited")
    RequestView update(
            @PathVariable UUID id,
            @RequestHeader(value = "If-Match", required = false) @Nullable String ifMatch,
            @RequestBody DraftCommand command) {
        var actor = CurrentActor.get();
        // Without If-Match the draft is saved over whatever version is there; reading it first would
        // mark a request received when its provider called this, and record a read instead of a refusal.
        Integer version = null;
        if (ifMatch != null) {
            try {
                version = Integer.parseInt(
                        ifMatch.replace("\"", "").replace("W/", "").trim());
            } catch (NumberFormatException malformed) {
                throw ProblemException.validation(
                        List.of(ProblemException.FieldProblem.of("If-Match", "validation.cursor")));
            }
        }
        return requests.updateDraft(actor, id, version, command);
    }

    @GetMapping("/{id}/check")
    @Operation(summary = "What sending this draft for authorisation would say, without sending it")
    List<ProblemException.FieldProblem> check(@PathVariable UUID id) {
        return requests.check(CurrentActor.get(), id);
    }

    @PostMapping("/{id}/submission")
    @Operation(
            summary =
                    "Send the draft for authorisation; refused with every field problem if it is not complete and valid")
    RequestView submit(@PathVariable UUID id) {
        return requests.submitForAuthorisation(CurrentActor.get(), id);
    }

    @PostMapping("/{id}/authorisation")
    @Operation(summary = "Authorise: sign with the organisation's key and send to the provider (authoriser)")
    RequestView authorise(@PathVariable UUID id) {
        return requests.authorise(CurrentActor.get(), id);
    }

    @PostMapping("/{id}/return")
    @Operation(summary = "Return to the officer with a reason (authoriser)")
    RequestView returnToOfficer(@PathVariable UUID id, @RequestBody Text reason) {
        return requests.returnToOfficer(CurrentActor.get(), id, reason.text());
    }

    @PostMapping("/{id}/withdrawal")
    @Operation(summary = "Withdraw before the answer, with a reason (requester)")
    RequestView withdraw(@PathVariable UUID id, @RequestBody Text reason) {
        return requests.withdraw(CurrentActor.get(), id, reason.text());
    }

    @PostMapping("/{id}/clarification")
    @Operation(summary = "Answer the provider's question (requester)")
    RequestView clarify(@PathVariable UUID id, @RequestBody Text answer) {
        return requests.clarify(CurrentActor.get(), id, answer.text());
    }

    @PostMapping("/{id}/closure")
    @Operation(summary = "Close an answered request (requester)")
    RequestView close(@PathVariable UUID id) {
        return requests.close(CurrentActor.get(), id);
    }

    @PostMapping("/{id}/acknowledgement")
    @Operation(summary = "Acknowledge receipt (provider)")
    RequestView acknowledge(@PathVariable UUID id) {
        return desk.acknowledge(CurrentActor.get(), id);
    }

    @PostMapping("/{id}/clarification-request")
    @Operation(summary = "Ask the requester a question (provider)")
    RequestView askClarification(@PathVariable UUID id, @RequestBody Text question) {
        return desk.askClarification(CurrentActor.get(), id, question.text());
    }

    @PostMapping("/{id}/start")
    @Operation(summary = "Mark as in progress (provider)")
    RequestView start(@PathVariable UUID id) {
        return desk.startWork(CurrentActor.get(), id);
    }

    @PostMapping("/{id}/answer")
    @Operation(summary = "Answer in full or in part, per identifier; signed with the provider's key (provider)")
    RequestView answer(@PathVariable UUID id, @RequestBody ProviderDesk.AnswerCommand command) {
        return desk.answer(CurrentActor.get(), id, command);
    }

    @PostMapping("/{id}/refusal")
    @Operation(summary = "Refuse, or declare impossible, with a reason code and an explanation (provider)")
    RequestView refuse(@PathVariable UUID id, @RequestBody ProviderDesk.RefusalCommand command) {
        return desk.refuse(CurrentActor.get(), id, command);
    }

    @GetMapping("/{id}/answer")
    @Operation(summary = "The provider's signed answer")
    ResponseEntity<ProviderDesk.AnswerView> answerOf(@PathVariable UUID id) {
        return desk.answerOf(CurrentActor.get(), id)
                .map(ResponseEntity::ok)
                .orElseGet(() -> ResponseEntity.noContent().build());
    }

    @PostMapping("/{id}/preservation/extension")
    @Operation(summary = "Extend a preservation within its instrument's limits (requester)")
    RequestView extend(@PathVariable UUID id) {
        return preservations.extend(CurrentActor.get(), id);
    }

    @PostMapping("/{id}/preservation/release")
    @Operation(summary = "Release a preservation: the data is no longer needed (requester)")
    RequestView release(@PathVariable UUID id) {
        return preservations.release(CurrentActor.get(), id);
    }

    @GetMapping("/{id}/history")
    @Operation(summary = "The request's history, visible to both sides")
    List<RequestRepository.EventView> history(@PathVariable UUID id) {
        return requests.history(CurrentActor.get(), id);
    }

    @GetMapping("/{id}/overlaps")
    @Operation(summary = "Other units asking the same provider about the same identifier: whom to call (requester)")
    List<LegalRequests.Overlap> overlaps(@PathVariable UUID id) {
        return requests.overlaps(CurrentActor.get(), id);
    }

    @GetMapping("/{id}/comments")
    List<RequestConversation.CommentView> comments(@PathVariable UUID id) {
        return conversation.comments(CurrentActor.get(), id);
    }

    @PostMapping("/{id}/comments")
    ResponseEntity<RequestConversation.CommentView> comment(@PathVariable UUID id, @RequestBody Text body) {
        return ResponseEntity.status(201).body(conversation.comment(CurrentActor.get(), id, body.text()));
    }

    @GetMapping("/{id}/feedback")
    List<RequestConversation.FeedbackView> feedback(@PathVariable UUID id) {
        return conversation.feedbackOf(CurrentActor.get(), id);
    }

    @PostMapping("/{id}/feedback")
    ResponseEntity<RequestConversation.FeedbackView> giveFeedback(
            @PathVariable UUID id, @RequestBody RequestConversation.FeedbackCommand command) {
        return ResponseEntity.status(201).body(conversation.feedback(CurrentActor.get(), id, command));
    }

    @GetMapping("/{id}/cost-claims")
    List<RequestConversation.CostClaimView> claims(@PathVariable UUID id) {
        return conversation.claims(CurrentActor.get(), id);
    }

    @PostMapping("/{id}/cost-claims")
    ResponseEntity<RequestConversation.CostClaimView> claim(
            @PathVariable UUID id, @RequestBody RequestConversation.CostClaimCommand command) {
        return ResponseEntity.status(201).body(conversation.claim(CurrentActor.get(), id, command));
    }

    @PostMapping("/{id}/cost-claims/{claimId}/decision")
    RequestConversation.CostClaimView decide(
            @PathVariable UUID id, @PathVariable UUID claimId, @RequestBody RequestConversation.CostDecision decision) {
        return conversation.decide(CurrentActor.get(), id, claimId, decision);
    }

    @GetMapping("/{id}/attachments")
    List<RequestAttachments.AttachmentView> attachments(@PathVariable UUID id) {
        return attachments.list(CurrentActor.get(), id);
    }

    @PostMapping(value = "/{id}/attachments", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @Operation(summary = "Attach an order or warrant to a draft (requester) or an answer file (provider)")
    ResponseEntity<RequestAttachments.AttachmentView> attach(
            @PathVariable UUID id, @RequestParam("file") MultipartFile file) {
        try {
            return ResponseEntity.status(201)
                    .body(attachments.attach(
                            CurrentActor.get(),
                            id,
                            file.getInputStream(),
                            file.getOriginalFilename() == null ? "file" : file.getOriginalFilename()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @GetMapping("/{id}/attachments/{fileId}")
    ResponseEntity<InputStreamResource> download(@PathVariable UUID id, @PathVariable UUID fileId) {
        RequestAttachments.Download download = attachments.download(CurrentActor.get(), id, fileId);
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType(download.attachment().contentType()))
                .header(
                        "Content-Disposition",
                        ContentDisposition.attachment()
                                .filename(download.attachment().name(), java.nio.charset.StandardCharsets.UTF_8)
                                .build()
                                .toString())
                .body(new InputStreamResource(download.content()));
    }

    @GetMapping("/{id}/signed")
    @Operation(
            summary = "The signed request: its canonical JSON and detached JWS, verifiable with the requester's JWKS")
    LegalRequests.SignedExport signed(@PathVariable UUID id) {
        return requests.signedExport(CurrentActor.get(), id);
    }

    @GetMapping(value = "/{id}/letter.pdf", produces = MediaType.APPLICATION_PDF_VALUE)
    @Operation(summary = "The request as a printable letter with the agency's letterhead and the signature's key id")
    ResponseEntity<byte[]> letter(@PathVariable UUID id, java.util.Locale locale) {
        return ResponseEntity.ok()
                .contentType(MediaType.APPLICATION_PDF)
                .body(documents.letter(CurrentActor.get(), id, locale));
    }

    record Verification(@Nullable String payload, @Nullable String jws) {}

    @PostMapping("/verification")
    @Operation(summary = "Check a signed request received from outside against the directory's keys")
    LegalRequests.SignatureStatus verify(@RequestBody Verification verification) {
        if (verification.payload() == null || verification.jws() == null) {
            throw ProblemException.validation(
                    List.of(ProblemException.FieldProblem.of("payload", "validation.required")));
        }
        return requests.verifyExternal(verification.payload(), verification.jws());
    }

    // ---- oral emergencies ----

    @PostMapping("/oral")
    @Operation(summary = "Log an emergency made by phone; the written request must follow in time")
    ResponseEntity<OralEmergencies.OralView> logOral(@RequestBody OralEmergencies.OralCommand command) {
        return ResponseEntity.status(201).body(oral.log(CurrentActor.get(), command));
    }

    @GetMapping("/oral")
    List<OralEmergencies.OralView> pendingOral() {
        return oral.pending(CurrentActor.get());
    }

    @GetMapping("/oral/{id}")
    OralEmergencies.OralView oneOral(@PathVariable UUID id) {
        return oral.read(CurrentActor.get(), id);
    }

    // ---- statistics ----

    @GetMapping(
            value = "/statistics",
            produces = {MediaType.APPLICATION_JSON_VALUE, "text/csv"})
    @Operation(
            summary =
                    "Statistics of a period: scope provider or requester (an organisation's own) or national (operator)")
    ResponseEntity<?> statistics(
            @RequestParam String scope,
            @RequestParam(required = false) @Nullable UUID organisation,
            @RequestParam Instant from,
            @RequestParam Instant to,
            @RequestHeader(value = "Accept", required = false) @Nullable String accept) {
        var actor = CurrentActor.get();
        RequestStatistics.Scope resolved = switch (scope) {
            case "provider" ->
                new RequestStatistics.Scope.Provider(organisation != null ? organisation : actor.requireOrganisation());
            case "requester" ->
                new RequestStatistics.Scope.Requester(
                        organisation != null ? organisation : actor.requireOrganisation());
            case "national" -> new RequestStatistics.Scope.National();
            default ->
                throw ProblemException.validation(
                        List.of(ProblemException.FieldProblem.of("scope", "requests.validation.scope")));
        };
        RequestStatistics.Statistics computed = statistics.compute(actor, resolved, from, to);
        if (accept != null && accept.contains("text/csv")) {
            return ResponseEntity.ok()
                    .contentType(MediaType.parseMediaType("text/csv; charset=UTF-8"))
                    .body(RequestStatistics.csv(computed));
        }
        return ResponseEntity.ok(computed);
    }

    // ---- webhooks ----

    @GetMapping("/webhooks")
    List<ProviderWebhooks.WebhookView> webhooks() {
        return webhooks.list(CurrentActor.get());
    }

    @PostMapping("/webhooks")
    @Operation(summary = "Register a webhook (provider's compliance lead); the signing secret is shown once")
    ResponseEntity<ProviderWebhooks.CreatedWebhook> register(@RequestBody ProviderWebhooks.WebhookCommand command) {
        return ResponseEntity.status(201).body(webhooks.register(CurrentActor.get(), command));
    }

    @DeleteMapping("/webhooks/{id}")
    ResponseEntity<Void> disable(@PathVariable UUID id) {
        webhooks.disable(CurrentActor.get(), id);
        return ResponseEntity.noContent().build();
    }

    static Map<String, Object> none() {
        return Map.of();
    }
}
