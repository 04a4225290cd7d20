package vn.directivetracker.deployment;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import javax.xml.parsers.DocumentBuilderFactory;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * Splits the models into the units deployed separately: each BPMN file with the forms its start
 * events and user tasks reference (and a DMN it binds by {@code decisionRefBinding="deployment"},
 * which it could not find otherwise), and each other DMN file alone. A form used by two processes
 * goes with both. A changed form therefore redeploys exactly the processes that show it, and a
 * changed DMN creates a new decision version and nothing else.
 */
public final class DeploymentUnits {

  /** Prefix of every unit's deployment name; the old single deployment was named just this. */
  public static final String PREFIX = "directive-tracker";
  static final String BPMN = "http://www.omg.org/spec/BPMN/20100524/MODEL";
  static final String CAMUNDA = "http://camunda.org/schema/1.0/bpmn";
  private static final ObjectMapper JSON = new ObjectMapper();

  /** One deployment: its stable name and its resources (name to content). */
  public record Unit(String name, Map<String, byte[]> resources) {}

  private DeploymentUnits() {}

  /** The deployment name of the unit led by this resource, e.g. {@code directive-tracker:directive.bpmn}. */
  public static String nameOf(String resourceName) {
    return PREFIX + ":" + resourceName.substring(resourceName.indexOf('/') + 1);
  }

  public static List<Unit> of(ModelFiles models) {
    Map<String, String> formFiles = new TreeMap<>(); // form id -> resource name
    Map<String, String> decisionFiles = new TreeMap<>(); // decision id -> resource name
    models.resources().forEach((name, bytes) -> {
      if (name.endsWith(".form")) {
        String id = formId(bytes);
        if (id != null) {
          formFiles.putIfAbsent(id, name);
        }
      } else if (name.endsWith(".dmn")) {
        Document dmn = parse(bytes);
        if (dmn != null) {
          for (Element decision : elements(dmn, "decision")) {
            decisionFiles.putIfAbsent(decision.getAttribute("id"), name);
          }
        }
      }
    });
    List<Unit> units = new ArrayList<>();
    Set<String> boundDecisionFiles = new LinkedHashSet<>();
    models.resources().forEach((name, bytes) -> {
      if (!name.endsWith(".bpmn")) {
        return;
      }
      Map<String, byte[]> resources = new TreeMap<>();
      resources.put(name, bytes);
      Document bpmn = parse(bytes);
      if (bpmn != null) {
        for (Element element : elements(bpmn, "*")) {
          String formRef = element.getAttributeNS(CAMUNDA, "formRef");
          if (!formRef.isEmpty() && formFiles.containsKey(formRef)) {
            String form = formFiles.get(formRef);
            resources.put(form, models.resources().get(form));
          }
          String decisionRef = element.getAttributeNS(CAMUNDA, "decisionRef");
          if ("deployment".equals(element.getAttributeNS(CAMUNDA, "decisionRefBinding"))
              && decisionFiles.containsKey(decisionRef)) {
            String dmn = decisionFiles.get(decisionRef);
            resources.put(dmn, models.resources().get(dmn));
            boundDecisionFiles.add(dmn);
          }
        }
      }
      units.add(new Unit(nameOf(name), resources));
    });
    models.resources().forEach((name, bytes) -> {
      if (name.endsWith(".dmn") && !boundDecisionFiles.contains(name)) {
        units.add(new Unit(nameOf(name), Map.of(name, bytes)));
      }
    });
    return units;
  }

  /** Forms that no process references: nothing would show them, so they are not deployed. */
  public static List<String> unusedForms(ModelFiles models, List<Unit> units) {
    Set<String> used = new LinkedHashSet<>();
    units.forEach(unit -> used.addAll(unit.resources().keySet()));
    return models.resources().keySet().stream().filter(name -> name.endsWith(".form") && !used.contains(name))
        .toList();
  }

  static String formId(byte[] form) {
    try {
      JsonNode id = JSON.readTree(form).path("id");
      return id.isTextual() && !id.asText().isBlank() ? id.asText() : null;
    } catch (IOException e) {
      return null;
    }
  }

  /** A namespace-aware DOM of an XML model, or null when it does not parse (the model check says why). */
  static Document parse(byte[] xml) {
    try {
      DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
      factory.setNamespaceAware(true);
      factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
      factory.setExpandEntityReferences(false);
      return factory.newDocumentBuilder().parse(new ByteArrayInputStream(xml));
    } catch (Exception e) {
      return null;
    }
  }

  /** Elements by local name in any namespace ("*" for all). */
  static List<Element> elements(Document document, String localName) {
    NodeList nodes = document.getElementsByTagNameNS("*", localName);
    List<Element> list = new ArrayList<>(nodes.getLength());
    for (int i = 0; i < nodes.getLength(); i++) {
      list.add((Element) nodes.item(i));
    }
    return list;
  }
}
