package al.ura.kernel;

import static org.assertj.core.api.Assertions.assertThat;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;

class PdfRendererTest {

    @Test
    void rendersHtmlWithAlbanianTextAndAnSvgChartIntoAPdfWhoseTextCanBeRead() throws Exception {
        String html = "<!DOCTYPE html><html><head><style>body { font-family: 'Ura Sans'; } @page { size: A4; }"
                + "</style></head><body><h1>Raporti i monitorimit — Çështje të zbatimit</h1>"
                + "<p>Realizimi: 51,96 %</p>"
                + "<svg xmlns='http://www.w3.org/2000/svg' width='200' height='100'>"
                + "<rect x='0' y='0' width='120' height='40' fill='#2a6'/>"
                + "<text x='10' y='80'>Politika 1</text></svg>"
                + "<p style='page-break-before: always'>Faqja e dytë</p></body></html>";

        byte[] pdf = new PdfRenderer().render(html, "Raporti");

        assertThat(new String(pdf, 0, 5, java.nio.charset.StandardCharsets.US_ASCII))
                .isEqualTo("%PDF-");
        try (PDDocument document = Loader.loadPDF(pdf)) {
            assertThat(document.getNumberOfPages()).isEqualTo(2);
            assertThat(document.getDocumentInformation().getTitle()).isEqualTo("Raporti");
            String text = new PDFTextStripper().getText(document).replaceAll("\\s+", " ");
            // Text drawn inside an SVG becomes vector shapes: figures a reader must find go in the text too.
            assertThat(text)
                    .contains("Raporti i monitorimit — Çështje të zbatimit")
                    .contains("51,96 %")
                    .contains("Faqja e dytë");
        }
    }
}
