package al.ura.requests;

import java.nio.charset.StandardCharsets;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * The exact bytes that are signed: a request's and an answer's content as JSON with members in
 * alphabetical order, absent values left out and times in ISO 8601 UTC. Built from the stored
 * columns every time, so changing any stored byte of a request changes its canonical form and its
 * signature no longer verifies.
 */
@Component
class CanonicalForms {

    private final JsonMapper json;

    CanonicalForms(JsonMapper json) {
        this.json = json;
    }

    /** A file attached to a request, as the signature covers it: its id, purpose and SHA-256. */
    record AttachmentDigest(String fileId, String purpose, String sha256) {}

    byte[] request(RequestView request, List<AttachmentDigest> attachments) {
        Map<String, Object> root = new TreeMap<>();
        put(root, "reference", request.reference());
        put(root, "type", request.type().name());
        put(root, "requester", request.requesterId().toString());
        put(root, "fileNumber", request.fileNumber());
        put(root, "requestingUnit", request.requestingUnit());
        Map<String, Object> officer = new TreeMap<>();
        put(officer, "id", request.officerId().toString());
        put(officer, "name", request.officerName());
        put(officer, "phone", request.officerPhone());
        put(officer, "email", request.officerEmail());
        root.put("officer", officer);
        put(root, "authoriser", request.authoriserId());
        put(root, "legalProvision", request.legalProvisionId());
        put(root, "legalBasisNote", request.legalBasisNote());
        put(root, "provider", request.providerId());
        put(root, "service", request.serviceId());
        List<Object> identifiers = new ArrayList<>();
        for (RequestView.IdentifierView identifier : request.identifiers()) {
            Map<String, Object> item = new TreeMap<>();
            item.put("position", identifier.position());
            item.put("kind", identifier.kind().name());
            item.put("value", identifier.value());
            item.put("normalised", identifier.normalised());
            put(item, "sourcePort", identifier.sourcePort());
            put(item, "observedAt", identifier.observedAt());
            put(item, "observedZone", identifier.observedZone());
            item.put("category", identifier.category().name());
            item.put("items", identifier.items().stream().map(Enum::name).toList());
            put(item, "from", identifier.from());
            put(item, "to", identifier.to());
            identifiers.add(item);
        }
        root.put("identifiers", identifiers);
        put(root, "offence", request.offence());
        put(root, "summary", request.summary());
        put(root, "relevance", request.relevance());
        root.put("priority", request.priority().name());
        root.put("emergency", request.emergency());
        put(root, "emergencyJustification", request.emergencyJustification());
        root.put("confidential", request.confidential());
        put(root, "confidentialUntil", request.confidentialUntil());
        put(root, "requestedDeadline", request.requestedDeadline());
        put(root, "preservationRequest", request.preservationRequestId());
        put(root, "oralRequest", request.oralRequestId());
        put(root, "submittedAt", request.submittedAt());
        root.put("attachments", digests(attachments));
        return bytes(root);
    }

    /** One identifier's answer as the signature covers it. */
    record AnswerItemDigest(
            int position,
            boolean found,
            @Nullable String records,
            @Nullable String fileSha256) {}

    byte[] answer(
            RequestView request,
            @Nullable String requestSignature,
            String outcome,
            @Nullable String reason,
            @Nullable String note,
            List<AnswerItemDigest> items,
            List<AttachmentDigest> attachments,
            java.time.Instant answeredAt) {
        Map<String, Object> root = new TreeMap<>();
        put(root, "request", request.reference());
        put(root, "requestSignature", requestSignature);
        put(root, "provider", request.providerId());
        root.put("outcome", outcome);
        put(root, "reason", reason);
        put(root, "note", note);
        List<Object> answered = new ArrayList<>();
        for (AnswerItemDigest item : items) {
            Map<String, Object> entry = new TreeMap<>();
            entry.put("position", item.position());
            entry.put("found", item.found());
            put(entry, "records", item.records());
            put(entry, "fileSha256", item.fileSha256());
            answered.add(entry);
        }
        root.put("items", answered);
        root.put("attachments", digests(attachments));
        root.put("answeredAt", answeredAt.truncatedTo(ChronoUnit.MICROS).toString());
        return bytes(root);
    }

    private static List<Object> digests(List<AttachmentDigest> attachments) {
        List<Object> files = new ArrayList<>();
        attachments.stream()
                .sorted(java.util.Comparator.comparing(AttachmentDigest::fileId))
                .forEach(a -> {
                    Map<String, Object> file = new TreeMap<>();
                    file.put("file", a.fileId());
                    file.put("purpose", a.purpose());
                    file.put("sha256", a.sha256());
                    files.add(file);
                });
        return files;
    }

    private byte[] bytes(Map<String, Object> root) {
        return json.writeValueAsString(root).getBytes(StandardCharsets.UTF_8);
    }

    private static void put(Map<String, Object> map, String key, @Nullable Object value) {
        if (value instanceof java.time.Instant instant) {
            // The database keeps microseconds: the signed form is the stored one.
            map.put(key, instant.truncatedTo(ChronoUnit.MICROS).toString());
        } else if (value != null) {
            map.put(key, value.toString());
        }
    }
}
