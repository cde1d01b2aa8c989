package al.ura.directory;

import java.util.List;

/**
 * An organisation found, with the contacts that matched the contact filters (all of its contacts
 * when none was given), each with whether it is available at the search's instant.
 */
public record SearchResult(OrganisationView organisation, List<FoundContact> contacts) {

    public SearchResult {
        contacts = List.copyOf(contacts);
    }

    public record FoundContact(ContactPointView contact, boolean availableNow) {}
}
