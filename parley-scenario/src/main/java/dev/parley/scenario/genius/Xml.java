package dev.parley.scenario.genius;

import dev.parley.scenario.Problem;
import dev.parley.scenario.ScenarioException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.xml.XMLConstants;
import javax.xml.parsers.ParserConfigurationException;
import javax.xml.parsers.SAXParserFactory;
import org.xml.sax.Attributes;
import org.xml.sax.Locator;
import org.xml.sax.SAXException;
import org.xml.sax.SAXParseException;
import org.xml.sax.helpers.DefaultHandler;

/**
 * A small XML element tree that remembers the line and column of every element, read with a parser hardened
 * against external entities and entity expansion: DOCTYPE declarations are refused outright, so neither XXE nor
 * "billion laughs" can happen. Stateless and thread-safe.
 */
final class Xml {
    /** One element. Immutable once read. */
    record Element(String name, Map<String, String> attributes, List<Element> children, int line, int column) {
        Optional<String> attribute(String key) {
            return Optional.ofNullable(attributes.get(key));
        }

        List<Element> children(String childName) {
            return children.stream().filter(c -> c.name().equals(childName)).toList();
        }

        Optional<Element> child(String childName) {
            return children.stream().filter(c -> c.name().equals(childName)).findFirst();
        }
    }

    /** Files larger than this are refused before parsing. */
    static final long MAX_BYTES = 10L * 1024 * 1024;
    /** How deep elements may nest: a GENIUS file needs 6 or so; deeper is refused where it goes too deep. */
    static final int MAX_DEPTH = 64;

    private Xml() {
    }

    static Element read(Path path) {
        String file = path.toString();
        try {
            if (Files.isDirectory(path)) {
                throw fail(file, 0, 0, "is a directory, not a GENIUS XML file");
            }
            if (Files.size(path) > MAX_BYTES) {
                throw fail(file, 0, 0, "is over the 10 MB limit");
            }
            try (InputStream in = Files.newInputStream(path)) {
                var handler = new TreeHandler();
                factory().newSAXParser().parse(in, handler);
                return handler.root;
            }
        } catch (NoSuchFileException e) {
            throw fail(file, 0, 0, "no such file");
        } catch (SAXParseException e) {
            String said = e.getMessage() == null ? "" : e.getMessage();
            String message = said.contains("DOCTYPE")
                    ? "DOCTYPE declarations are not allowed (they could expand entities or read other files)"
                    : said.startsWith("elements nested") ? said : "not well-formed XML: " + said;
            throw fail(file, Math.max(0, e.getLineNumber()), Math.max(0, e.getColumnNumber()), message);
        } catch (SAXException e) {
            throw fail(file, 0, 0, "not XML: " + e.getMessage());
        } catch (java.io.CharConversionException | java.io.UnsupportedEncodingException e) {
            // The XML declaration names an encoding the parser does not know, or the bytes do not fit it.
            throw fail(file, 1, 1, "cannot be decoded: the XML declaration's encoding is unknown or the text does "
                    + "not match it; write the file as UTF-8");
        } catch (IOException e) {
            throw fail(file, 0, 0, "cannot be read: " + e.getMessage());
        } catch (ParserConfigurationException e) {
            throw new IllegalStateException(e);
        }
    }

    static ScenarioException fail(String file, int line, int column, String message) {
        return new ScenarioException(List.of(new Problem(file, line, line > 0 ? Math.max(1, column) : 0, "",
                message)));
    }

    private static SAXParserFactory factory() throws ParserConfigurationException, SAXException {
        var f = SAXParserFactory.newInstance();
        f.setNamespaceAware(false);
        f.setValidating(false);
        f.setXIncludeAware(false);
        f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        f.setFeature("http://xml.org/sax/features/external-general-entities", false);
        f.setFeature("http://xml.org/sax/features/external-parameter-entities", false);
        f.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
        f.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
        return f;
    }

    /** Builds the tree; children are collected in mutable lists and frozen when the element closes. */
    private static final class TreeHandler extends DefaultHandler {
        private record Open(String name, Map<String, String> attributes, List<Element> children, int line,
                int column) {
        }

        private final ArrayDeque<Open> stack = new ArrayDeque<>();
        private Locator locator;
        private Element root;

        @Override
        public void setDocumentLocator(Locator l) {
            this.locator = l;
        }

        @Override
        public void startElement(String uri, String local, String qName, Attributes attrs) throws SAXException {
            if (stack.size() >= MAX_DEPTH) {
                throw new SAXParseException("elements nested more than " + MAX_DEPTH + " deep", locator);
            }
            var map = new LinkedHashMap<String, String>();
            for (int i = 0; i < attrs.getLength(); i++) {
                map.put(attrs.getQName(i), attrs.getValue(i));
            }
            stack.push(new Open(qName, map, new ArrayList<>(), locator == null ? 0 : locator.getLineNumber(),
                    locator == null ? 0 : locator.getColumnNumber()));
        }

        @Override
        public void endElement(String uri, String local, String qName) {
            Open o = stack.pop();
            var e = new Element(o.name(), Map.copyOf(o.attributes()), List.copyOf(o.children()), o.line(),
                    o.column());
            if (stack.isEmpty()) {
                root = e;
            } else {
                stack.peek().children().add(e);
            }
        }
    }
}
