package org.cartable.deployment.internal;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;

import javax.xml.parsers.DocumentBuilderFactory;

import org.cartable.deployment.internal.web.SvgCharts;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;

class SvgChartsTest {

    private static Document parse(String svg) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        return factory.newDocumentBuilder().parse(new ByteArrayInputStream(svg.getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void barsAreWellFormedScaledAndEscapeLabels() throws Exception {
        String svg = SvgCharts.bars("Élèves <couverts>", List.of(
                new SvgCharts.Bar("Commune <script>alert(1)</script>", 50, "50 %"),
                new SvgCharts.Bar("Commune B", 100, "100 %")), 100);
        Document doc = parse(svg);
        assertTrue(doc.getElementsByTagNameNS("http://www.w3.org/2000/svg", "rect").getLength() == 2);
        assertFalse(svg.contains("<script"), svg);
        String first = doc.getElementsByTagNameNS("http://www.w3.org/2000/svg", "rect").item(0)
                .getAttributes().getNamedItem("width").getNodeValue();
        String second = doc.getElementsByTagNameNS("http://www.w3.org/2000/svg", "rect").item(1)
                .getAttributes().getNamedItem("width").getNodeValue();
        assertTrue(Math.abs(Double.parseDouble(second) - 2 * Double.parseDouble(first)) < 0.2, first + " vs " + second);
    }

    @Test
    void lineIsWellFormedWithOnePointPerDay() throws Exception {
        String svg = SvgCharts.line("Couverture", List.of(new SvgCharts.Point(LocalDate.of(2026, 9, 1), 10),
                new SvgCharts.Point(LocalDate.of(2026, 10, 1), 40), new SvgCharts.Point(LocalDate.of(2026, 11, 1), 60)), 100);
        Document doc = parse(svg);
        String points = doc.getElementsByTagNameNS("http://www.w3.org/2000/svg", "polyline").item(0)
                .getAttributes().getNamedItem("points").getNodeValue();
        assertTrue(points.split(" ").length == 3, points);
        assertTrue(svg.contains("01/09/2026") && svg.contains("01/11/2026"));
    }
}
