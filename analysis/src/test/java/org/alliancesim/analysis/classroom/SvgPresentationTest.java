package org.alliancesim.analysis.classroom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import javax.xml.parsers.DocumentBuilderFactory;
import org.alliancesim.analysis.charts.ChartFiles;
import org.alliancesim.analysis.story.Story;
import org.alliancesim.scenario.Scenario;
import org.alliancesim.scenario.ScenarioLoader;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/** Style attributes become presentation attributes, so charts draw under a CSP without 'unsafe-inline'. */
class SvgPresentationTest {

    @Test
    void stylesBecomeAttributes() {
        assertEquals("<g fill='none' stroke-width='3.0'><path d='M0,0'/></g>",
                SvgPresentation.of("<g style='fill:none;stroke-width:3.0'><path d='M0,0'/></g>"));
        assertEquals("<text x='1' fill='rgb(0,0,0)' font-size='15px'>a;b:c</text>",
                SvgPresentation.of("<text x='1' style='fill: rgb(0,0,0); font-size: 15px;'>a;b:c</text>"),
                "text content is left alone");
        assertEquals("<rect fill=\"red\"/>", SvgPresentation.of("<rect style=\"fill:red\"/>"));
        assertEquals("<rect x='0' fill='red'/>", SvgPresentation.of("<rect fill='blue' x='0' style='fill:red'/>"),
                "the style's value wins, as it would have");
        assertEquals("<svg viewBox='0 0 1 1'></svg>", SvgPresentation.of("<svg viewBox='0 0 1 1'></svg>"));
        assertEquals("<text fill='red'>a style='x' b</text>",
                SvgPresentation.of("<text style='fill:red'>a style='x' b</text>"), "text that reads like an attribute is text");
    }

    /** A real chart keeps every drawing instruction and stays well-formed XML. */
    @Test
    void aStoryChartHasNoStyleLeftAndEveryPropertyAsAnAttribute() throws Exception {
        Scenario d = ScenarioLoader.load("default", List.of("run.families=50"));
        String before = ChartFiles.svgElement(Story.of("default", d.model(), d.seed(), 1).chart(), "story");
        String after = SvgPresentation.of(before);
        assertTrue(before.contains("style='"), "JFreeSVG writes style attributes");
        assertTrue(!after.contains("style="), "none left");
        assertEquals(count(before, "stroke-width:"), count(after, "stroke-width='"));
        assertEquals(count(before, "fill:"), count(after, " fill='"));
        assertEquals(count(before, "font-size:"), count(after, "font-size='"));
        Document doc = DocumentBuilderFactory.newInstance().newDocumentBuilder()
                .parse(new ByteArrayInputStream(after.getBytes(StandardCharsets.UTF_8)));
        NodeList texts = doc.getElementsByTagName("text");
        assertTrue(texts.getLength() > 5);
        Element title = (Element) texts.item(0);
        assertEquals("Family 1: alliance of each member", title.getTextContent());
        assertEquals("bold", title.getAttribute("font-weight"));
    }

    private static int count(String s, String what) {
        int n = 0;
        for (int i = s.indexOf(what); i >= 0; i = s.indexOf(what, i + 1)) {
            n++;
        }
        return n;
    }
}
