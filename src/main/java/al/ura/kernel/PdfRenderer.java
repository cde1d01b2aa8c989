package al.ura.kernel;

import com.openhtmltopdf.outputdevice.helper.BaseRendererBuilder;
import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;
import com.openhtmltopdf.svgsupport.BatikSVGDrawer;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import org.jsoup.Jsoup;
import org.jsoup.helper.W3CDom;
import org.springframework.stereotype.Component;

/**
 * Turns a rendered page (HTML from the same Thymeleaf templates the browser gets, with inline SVG
 * charts) into a PDF, so a report or a letter is the same on screen and on paper. The fonts are
 * embedded (DejaVu Sans, which has every Albanian letter), so the PDF reads the same everywhere.
 * Pages may use {@code font-family: 'Ura Sans'} and CSS paged media ({@code @page}).
 */
@Component
public class PdfRenderer {

    public static final String FONT_FAMILY = "Ura Sans";

    private final byte[] regular = font("fonts/DejaVuSans.ttf");
    private final byte[] bold = font("fonts/DejaVuSans-Bold.ttf");

    /** Renders HTML to PDF bytes; {@code title} becomes the document's title in its metadata. */
    public byte[] render(String html, String title) {
        org.jsoup.nodes.Document parsed = Jsoup.parse(html);
        parsed.title(title);
        try (ByteArrayOutputStream out = new ByteArrayOutputStream(64 * 1024)) {
            PdfRendererBuilder builder = new PdfRendererBuilder();
            builder.useFastMode();
            builder.useSVGDrawer(new BatikSVGDrawer());
            builder.useFont(
                    () -> new java.io.ByteArrayInputStream(regular),
                    FONT_FAMILY,
                    400,
                    BaseRendererBuilder.FontStyle.NORMAL,
                    true);
            builder.useFont(
                    () -> new java.io.ByteArrayInputStream(bold),
                    FONT_FAMILY,
                    700,
                    BaseRendererBuilder.FontStyle.NORMAL,
                    true);
            builder.withW3cDocument(new W3CDom().fromJsoup(parsed), "/");
            builder.toStream(out);
            builder.run();
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException("rendering a PDF failed", e);
        }
    }

    private static byte[] font(String resource) {
        try (InputStream in = PdfRenderer.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("missing font " + resource);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
