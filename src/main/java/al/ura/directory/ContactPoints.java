package al.ura.directory;

import java.util.List;
import java.util.UUID;

/** Designated points of contact, for modules that route work or show whom to call. */
public interface ContactPoints {

    /** An organisation's contacts for a function, the verified ones first. */
    List<ContactPointView> of(UUID organisationId, ContactFunction function);

    /** Every contact for a function in a country (ISO 3166-1 alpha-2), of organisations that are not suspended. */
    List<ContactPointView> inCountry(String country, ContactFunction function);
}
