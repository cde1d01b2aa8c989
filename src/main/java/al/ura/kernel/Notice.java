package al.ura.kernel;

import java.util.List;
import java.util.UUID;

/**
 * Asks that people be told something, from any module without depending on the notification
 * module: publish it as an application event in the transaction of the change; it becomes an in-app
 * notification for each recipient in that same transaction, so it commits with the change or not at
 * all, and an e-mail with only a link follows after the commit when SMTP is configured. The
 * arguments must not be confidential (a reference number, never a name or an identifier under
 * investigation); the link points inside Ura.
 */
public record Notice(Audience audience, String messageKey, List<String> arguments, String link) {

    public Notice {
        arguments = List.copyOf(arguments);
        if (!link.startsWith("/")) {
            throw new IllegalArgumentException("a notice links inside Ura");
        }
    }

    /** Who is told. */
    public sealed interface Audience {}

    /** One person. */
    public record Person(UUID userId) implements Audience {}

    /** Every active person of an organisation who holds a permission (the desk, not one name). */
    public record Holders(UUID organisationId, String permission) implements Audience {}

    public static Notice toPerson(UUID userId, String messageKey, List<String> arguments, String link) {
        return new Notice(new Person(userId), messageKey, arguments, link);
    }

    public static Notice toHolders(
            UUID organisationId, String permission, String messageKey, List<String> arguments, String link) {
        return new Notice(new Holders(organisationId, permission), messageKey, arguments, link);
    }
}
