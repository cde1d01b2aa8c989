package al.ura.monitoring;

import al.ura.kernel.CurrentActor;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.UUID;
import org.springframework.core.io.InputStreamResource;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/** The annual report as a PDF, and the registers of agreements and of trainings and awareness activities, over the API. */
@RestController
@RequestMapping("/api/v1/monitoring")
@Tag(name = "Strategy monitoring")
class ReportApiController {

    private final AnnualReport report;
    private final MonitoringRegisters registers;

    ReportApiController(AnnualReport report, MonitoringRegisters registers) {
        this.report = report;
        this.registers = registers;
    }

    @GetMapping(value = "/periods/{id}/report.pdf", produces = MediaType.APPLICATION_PDF_VALUE)
    @Operation(
            summary = "The annual monitoring report as a PDF, in the language of Accept-Language (Albanian by default);"
                    + " a period still open only for the coordinator, as a preview")
    ResponseEntity<byte[]> reportPdf(@PathVariable UUID id, Locale locale) {
        return pdf(report, id, locale);
    }

    static ResponseEntity<byte[]> pdf(AnnualReport report, UUID id, Locale locale) {
        AnnualReport.Report built = report.report(CurrentActor.get(), id, locale);
        byte[] bytes = report.pdf(built, locale);
        return ResponseEntity.ok()
                .contentType(MediaType.APPLICATION_PDF)
                .header(
                        HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.inline()
                                .filename(report.fileName(built, locale), StandardCharsets.UTF_8)
                                .build()
                                .toString())
                .header(HttpHeaders.CONTENT_LANGUAGE, locale.getLanguage())
                .body(bytes);
    }

    // ---- agreements ----

    @GetMapping("/agreements")
    @Operation(summary = "The agreements and memoranda signed in a year")
    List<AgreementView> agreements(@RequestParam int year) {
        return registers.agreements(CurrentActor.get(), year);
    }

    @GetMapping("/agreements/{id}")
    AgreementView agreement(@PathVariable UUID id) {
        return registers.agreement(CurrentActor.get(), id);
    }

    @PostMapping("/agreements")
    @Operation(summary = "Record an agreement or memorandum (coordinator)")
    ResponseEntity<AgreementView> createAgreement(@RequestBody AgreementCommand command) {
        return ResponseEntity.status(201).body(registers.createAgreement(CurrentActor.get(), command));
    }

    @PutMapping("/agreements/{id}")
    @Operation(summary = "Correct an agreement; give the version it was read at (coordinator)")
    AgreementView updateAgreement(@PathVariable UUID id, @RequestBody AgreementCommand command) {
        return registers.updateAgreement(CurrentActor.get(), id, command);
    }

    @PutMapping(value = "/agreements/{id}/document", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @Operation(summary = "Attach the signed document of an agreement (coordinator); its type is read from its bytes")
    AgreementView attachDocument(@PathVariable UUID id, @RequestParam("file") MultipartFile file) {
        try {
            return registers.attachDocument(
                    CurrentActor.get(),
                    id,
                    file.getInputStream(),
                    Objects.requireNonNullElse(file.getOriginalFilename(), "document"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @GetMapping("/agreements/{id}/document")
    @Operation(summary = "Download the signed document of an agreement (recorded in the ledger)")
    ResponseEntity<InputStreamResource> document(@PathVariable UUID id) {
        return send(registers.document(CurrentActor.get(), id));
    }

    static ResponseEntity<InputStreamResource> send(MonitoringRegisters.Download download) {
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType(download.file().contentType()))
                .contentLength(download.file().sizeBytes())
                .header(
                        HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.attachment()
                                .filename(download.file().originalName(), StandardCharsets.UTF_8)
                                .build()
                                .toString())
                .header("X-Content-Type-Options", "nosniff")
                .body(new InputStreamResource(download.content()));
    }

    // ---- trainings, exercises, awareness activities, forums ----

    @GetMapping("/events")
    @Operation(summary = "The trainings, exercises, awareness activities and forums held in a year")
    List<EventView> events(@RequestParam int year) {
        return registers.events(CurrentActor.get(), year);
    }

    @GetMapping("/events/{id}")
    EventView event(@PathVariable UUID id) {
        return registers.event(CurrentActor.get(), id);
    }

    @PostMapping("/events")
    @Operation(summary = "Record a training, exercise, awareness activity or forum (coordinator)")
    ResponseEntity<EventView> createEvent(@RequestBody EventCommand command) {
        return ResponseEntity.status(201).body(registers.createEvent(CurrentActor.get(), command));
    }

    @PutMapping("/events/{id}")
    @Operation(summary = "Correct an activity; give the version it was read at (coordinator)")
    EventView updateEvent(@PathVariable UUID id, @RequestBody EventCommand command) {
        return registers.updateEvent(CurrentActor.get(), id, command);
    }
}
