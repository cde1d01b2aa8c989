package al.ura.directory;

import al.ura.kernel.Actor;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The contact list per country and function in the shape of the referral guidelines' Annex 1
 * (seed 003): function or measure, responsible body, contact details. Printed as a page and
 * exported as CSV; organisations that are suspended are left out.
 */
@Service
public class ContactList {

    /** One line: the function, the body, and how to reach it. */
    public record Line(ContactFunction function, OrganisationView organisation, ContactPointView contact) {}

    private final JdbcClient jdbc;
    private final ContactDirectory contacts;
    private final OrganisationRepository organisations;
    private final DirectoryReaders readers;
    private final MessageSource messages;

    ContactList(
            JdbcClient jdbc,
            ContactDirectory contacts,
            OrganisationRepository organisations,
            DirectoryReaders readers,
            MessageSource messages) {
        this.jdbc = jdbc;
        this.contacts = contacts;
        this.organisations = organisations;
        this.readers = readers;
        this.messages = messages;
    }

    @Transactional(readOnly = true)
    public List<Line> lines(Actor actor, String country, @Nullable ContactFunction function) {
        readers.require(actor, "directory.contact-list.read", "organisation", null, null);
        String code = country.trim().toUpperCase(Locale.ROOT);
        List<ContactRepository.Row> rows = jdbc.sql("SELECT " + ContactRepository.COLUMNS
                        + " FROM contact_point c JOIN organisation o ON o.id = c.organisation_id"
                        + " WHERE o.country = :country AND o.status = 'ACTIVE' AND c.removed_at IS NULL"
                        + (function == null ? "" : " AND c.contact_function = :function")
                        + " ORDER BY c.contact_function, o.short_name, c.name, c.id")
                .param("country", code)
                .params(function == null ? Map.of() : Map.of("function", function.name()))
                .query((rs, n) -> ContactRepository.map(rs))
                .list();
        Map<java.util.UUID, OrganisationView> byId = new java.util.HashMap<>();
        List<Line> lines = new ArrayList<>();
        for (ContactPointView contact : contacts.views(rows)) {
            OrganisationView organisation = byId.computeIfAbsent(
                    contact.organisationId(), id -> organisations.find(id).orElseThrow());
            lines.add(new Line(contact.function(), organisation, contact));
        }
        return lines;
    }

    /** RFC 4180 CSV with a header row, in the reader's language, UTF-8 (the caller writes a BOM for spreadsheets). */
    public void writeCsv(List<Line> lines, Locale locale, Writer out) {
        Function<String, String> m =
                key -> java.util.Objects.requireNonNullElse(messages.getMessage(key, null, key, locale), key);
        try {
            row(
                    out,
                    List.of(
                            m.apply("directory.list.function"),
                            m.apply("directory.list.body"),
                            m.apply("directory.list.contact"),
                            m.apply("directory.list.position"),
                            m.apply("directory.list.phones"),
                            m.apply("directory.list.email"),
                            m.apply("directory.list.languages"),
                            m.apply("directory.list.availability"),
                            m.apply("directory.list.last-verified")));
            for (Line line : lines) {
                ContactPointView c = line.contact();
                row(
                        out,
                        List.of(
                                m.apply("directory.contact-function."
                                        + line.function().name()),
                                line.organisation().name(locale) + " ("
                                        + line.organisation().shortName() + ")",
                                c.name(),
                                c.position() == null ? "" : c.position(),
                                String.join("; ", c.phones()),
                                c.email(),
                                String.join(" ", c.languages()),
                                hours(c, m),
                                c.lastVerified() == null
                                        ? ""
                                        : c.lastVerified()
                                                        .format(java.time.format.DateTimeFormatter.ofPattern(
                                                                "dd.MM.yyyy"))
                                                + (c.overdue()
                                                        ? " (" + m.apply("directory.contact.overdue") + ")"
                                                        : "")));
            }
            out.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The weekly hours as people read them, e.g. "MON 08:00–16:00, …  (Europe/Tirane)". */
    public static String hours(ContactPointView contact, Function<String, String> messages) {
        if (contact.alwaysAvailable()) {
            return messages.apply("directory.contact.always");
        }
        return contact.availability().hours().stream()
                        .map(h -> messages.apply("directory.day." + h.day().name()) + " " + h.from() + "–"
                                + (h.toMinute() == 1440 ? "24:00" : h.to().toString()))
                        .collect(Collectors.joining(", "))
                + " (" + contact.timeZone() + ")";
    }

    private static void row(Writer out, List<String> values) throws IOException {
        out.write(values.stream().map(ContactList::cell).collect(Collectors.joining(",")));
        out.write("\r\n");
    }

    private static String cell(String value) {
        String safe = value;
        // A cell starting like a formula is read as text by spreadsheets (CSV injection).
        if (!safe.isEmpty() && "=+-@".indexOf(safe.charAt(0)) >= 0 && !safe.matches("\\+[0-9 ()-]+.*")) {
            safe = "'" + safe;
        }
        return "\"" + safe.replace("\"", "\"\"") + "\"";
    }
}
