package al.ura.directory;

/** What a provider requires before it discloses a data type; names under {@code directory.legal-process.<NAME>}. */
public enum LegalProcess {
    /** A written request of a competent authority. */
    AUTHORITY_REQUEST,
    /** An order of a prosecutor. */
    PROSECUTOR_ORDER,
    /** An order or warrant of a court. */
    COURT_ORDER,
    /** Only through mutual legal assistance. */
    MUTUAL_LEGAL_ASSISTANCE
}
