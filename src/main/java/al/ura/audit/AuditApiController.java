package al.ura.audit;

import al.ura.kernel.CurrentActor;
import al.ura.kernel.CursorPage;
import al.ura.kernel.Cursors;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Instant;
import org.jspecify.annotations.Nullable;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/audit")
@Tag(name = "Audit ledger")
class AuditApiController {

    private final AuditService audit;

    AuditApiController(AuditService audit) {
        this.audit = audit;
    }

    @GetMapping("/entries")
    @Operation(
            summary = "Ledger entries, newest first; an organisation administrator sees those about their organisation")
    CursorPage<AuditEntryView> entries(
            @RequestParam(required = false) @Nullable String action,
            @RequestParam(required = false) @Nullable String objectType,
            @RequestParam(required = false) @Nullable String objectId,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) @Nullable Instant from,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) @Nullable Instant to,
            @RequestParam(required = false) @Nullable String cursor,
            @RequestParam(required = false) @Nullable Integer limit) {
        return audit.entries(
                CurrentActor.get(),
                new AuditService.Query(action, objectType, objectId, from, to),
                cursor,
                Cursors.limit(limit));
    }

    @GetMapping("/verification")
    @Operation(summary = "Recompute the hash chain and name the first broken entry")
    AuditVerification verification() {
        return audit.verify(CurrentActor.get());
    }

    @GetMapping("/export")
    @Operation(summary = "Export a time range with what is needed to verify it offline")
    ResponseEntity<AuditExport> export(
            @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) Instant from,
            @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) Instant to) {
        return ResponseEntity.ok()
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"ura-audit-export.json\"")
                .body(audit.export(CurrentActor.get(), from, to));
    }
}
