package vn.directivetracker.deployment;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.function.Predicate;
import org.camunda.bpm.dmn.engine.DmnEngine;
import org.camunda.bpm.dmn.engine.DmnEngineConfiguration;
import org.camunda.bpm.engine.impl.calendar.CycleBusinessCalendar;
import org.camunda.bpm.engine.impl.calendar.DueDateBusinessCalendar;
import org.camunda.bpm.engine.impl.calendar.DurationBusinessCalendar;
import org.camunda.bpm.impl.juel.AstDot;
import org.camunda.bpm.impl.juel.AstIdentifier;
import org.camunda.bpm.impl.juel.AstMethod;
import org.camunda.bpm.impl.juel.AstProperty;
import org.camunda.bpm.impl.juel.Builder;
import org.camunda.bpm.impl.juel.Tree;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.dmn.Dmn;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;
import vn.directivetracker.calendar.WorkingDayExpression;
import vn.directivetracker.guard.FormSchema;
import vn.directivetracker.lifecycle.DirectiveVariables;
import vn.directivetracker.review.ReviewVariables;

/**
 * What a process owner can break in Camunda Modeler that the engine would only notice when a
 * directive reaches the spot: a user task without its form, a form field the server refuses on
 * submission (see {@code guard.RecordGuard}), an expression naming a bean that does not exist, a
 * timer that cannot be evaluated, a model that does not parse. One English line per problem,
 * naming the file, the element id and its name. Needs no engine: the Spring beans come as a
 * predicate (the running context's, or the bean definitions of the command-line check).
 *
 * <p>Which identifiers must be beans: only those an expression dereferences ({@code x.y},
 * {@code x.m(...)}, {@code x[...]}) or a {@code delegateExpression} names. A bare {@code ${deadline}}
 * is a process variable, and variables set by the beans cannot be listed reliably. A dereferenced
 * identifier passes if it is a bean, an engine built-in ({@code execution}, {@code task}), a
 * documented variable ({@link DirectiveVariables}, {@link ReviewVariables}) or a variable a model
 * sets (result and element variables, input/output parameters, call activity mappings, form keys).
 */
public final class ModelCheck {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String BPMN = DeploymentUnits.BPMN;
  private static final String CAMUNDA = DeploymentUnits.CAMUNDA;
  private static final Set<String> BUILT_INS = Set.of("execution", "task", "variableScope", "authenticatedUserId",
      "caseExecution", "externalTask");
  /** form-js components that show something and submit nothing. */
  private static final Set<String> DISPLAY_ONLY = Set.of("text", "html", "image", "spacer", "separator", "button",
      "table", "iframe", "documentPreview", "group");
  private static final Set<String> TIMERS = Set.of("timeDate", "timeDuration", "timeCycle");
  /** Elements whose text is prose, never evaluated. */
  private static final Set<String> PROSE = Set.of("documentation", "text");

  private final Predicate<String> isBean;
  private final Function<String, Class<?>> beanType;

  public ModelCheck(Predicate<String> isBean) {
    this(isBean, name -> null);
  }

  /** @param beanType the class of a bean, or null when unknown: its methods and properties are then not checked */
  public ModelCheck(Predicate<String> isBean, Function<String, Class<?>> beanType) {
    this.isBean = isBean;
    this.beanType = beanType;
  }

  /** The problems of these models, one readable line each; empty when they may be deployed. */
  public List<String> check(ModelFiles models) {
    List<String> problems = new ArrayList<>();
    if (models.isEmpty()) {
      problems.add("No BPMN, DMN or form file found in " + models.origin());
      return problems;
    }
    Map<String, JsonNode> forms = new HashMap<>(); // form id -> form
    Set<String> decisions = new HashSet<>();
    Set<String> processes = new HashSet<>();
    Map<String, Document> bpmns = new TreeMap<>();
    Set<String> variables = new HashSet<>(documentedVariables());
    Set<String> unreadable = new HashSet<>(); // ".form", ".dmn", ".bpmn" when one such file has no readable id
    models.resources().forEach((name, bytes) -> {
      if (name.endsWith(".form")) {
        if (!readForm(name, bytes, forms, variables, problems)) {
          unreadable.add(".form");
        }
      } else if (name.endsWith(".dmn")) {
        if (!readDmn(name, bytes, decisions, problems)) {
          unreadable.add(".dmn");
        }
      } else if (name.endsWith(".bpmn")) {
        Document bpmn = readBpmn(name, bytes, problems);
        if (bpmn == null) {
          unreadable.add(".bpmn");
        } else {
          bpmns.put(name, bpmn);
          DeploymentUnits.elements(bpmn, "process").forEach(process -> processes.add(process.getAttribute("id")));
          collectVariables(bpmn, variables);
        }
      }
    });
    bpmns.forEach((name, bpmn) -> new BpmnCheck(name, forms, decisions, processes, variables, unreadable, problems)
        .run(bpmn));
    return problems;
  }

  // ---------------------------------------------------------------- forms

  /** False when the form's id cannot be read. */
  private static boolean readForm(String name, byte[] bytes, Map<String, JsonNode> forms, Set<String> variables,
      List<String> problems) {
    JsonNode form;
    try {
      form = JSON.readTree(bytes);
    } catch (Exception e) {
      problems.add(name + ": not a Camunda Form, its JSON does not parse: " + firstLine(e.getMessage()));
      return false;
    }
    String id = form.path("id").asText("");
    if (id.isBlank()) {
      problems.add(name + ": the form has no id (camunda:formRef refers to forms by id)");
      return false;
    }
    JsonNode other = forms.putIfAbsent(id, form);
    if (other != null) {
      problems.add(name + ": another form file has the same id \"" + id + "\"; each form needs its own id");
    }
    checkFields(name, form.path("components"), null, variables, problems);
    return true;
  }

  /** Fields the write guard would refuse when the form is submitted (see guard.FormSchema). */
  private static void checkFields(String file, JsonNode components, String nestedIn, Set<String> variables,
      List<String> problems) {
    for (JsonNode component : components) {
      String type = component.path("type").asText();
      String key = component.path("key").asText("");
      boolean readOnly = component.path("disabled").asBoolean(false) || component.path("readonly").asBoolean(false);
      String field = file + ", field " + (key.isBlank() ? component.path("id").asText("?") : key) + " \""
          + component.path("label").asText(component.path("dateLabel").asText("")) + "\"";
      if (!key.isBlank()) {
        variables.add(key);
        if (!FormSchema.CHECKED_TYPES.contains(type) && !DISPLAY_ONLY.contains(type)) {
          problems.add(field + ": a " + type + " field, which the server does not accept on submission (only "
              + String.join(", ", new TreeSet<>(FormSchema.CHECKED_TYPES)) + ")");
        } else if (FormSchema.CHECKED_TYPES.contains(type) && !readOnly) {
          if (nestedIn != null) {
            problems.add(field + ": inside " + nestedIn + ", whose values nest under it; the server accepts only"
                + " top-level values (remove the path or move the field out)");
          } else if (("select".equals(type) || "radio".equals(type)) && !component.path("values").isArray()) {
            problems.add(field + ": a " + type + " without fixed options (valuesKey or valuesExpression); the"
                + " server accepts only options written in the form");
          } else if ("datetime".equals(type) && "time".equals(component.path("subtype").asText())) {
            problems.add(field + ": asks for a time of day only; the server accepts a date or date and time");
          }
        }
      }
      if (component.has("components")) {
        String nested = nestedIn;
        if (nested == null && ("dynamiclist".equals(type) || component.hasNonNull("path"))) {
          nested = "the " + type + " " + component.path("id").asText("") + " (path \"" + component.path("path")
              .asText("") + "\")";
        }
        checkFields(file, component.path("components"), nested, variables, problems);
      }
    }
  }

  // ---------------------------------------------------------------- DMN

  private static boolean readDmn(String name, byte[] bytes, Set<String> decisions, List<String> problems) {
    try {
      Dmn.readModelFromStream(new ByteArrayInputStream(bytes));
      DmnEngine engine = DmnEngineConfiguration.createDefaultDmnEngineConfiguration().buildEngine();
      engine.parseDecisions(new ByteArrayInputStream(bytes)).forEach(decision -> decisions.add(decision.getKey()));
    } catch (RuntimeException e) {
      problems.add(name + ": the DMN does not parse: " + rootMessage(e));
      return false;
    }
    return true;
  }

  // ---------------------------------------------------------------- BPMN

  private static Document readBpmn(String name, byte[] bytes, List<String> problems) {
    try {
      Bpmn.readModelFromStream(new ByteArrayInputStream(bytes));
    } catch (RuntimeException e) {
      problems.add(name + ": the BPMN does not parse: " + rootMessage(e));
      return null;
    }
    return DeploymentUnits.parse(bytes);
  }

  /** Variables a model sets: the names a dereferencing expression may use besides beans. */
  private static void collectVariables(Document bpmn, Set<String> variables) {
    for (Element element : DeploymentUnits.elements(bpmn, "*")) {
      for (String attribute : List.of("resultVariable", "elementVariable")) {
        String value = element.getAttributeNS(CAMUNDA, attribute);
        if (!value.isBlank()) {
          variables.add(value.strip());
        }
      }
      if (CAMUNDA.equals(element.getNamespaceURI())) {
        switch (element.getLocalName()) {
          case "inputParameter", "outputParameter" -> variables.add(element.getAttribute("name"));
          case "in", "out" -> variables.add(element.getAttribute("target"));
          case "formField" -> variables.add(element.getAttribute("id"));
          default -> { }
        }
      }
    }
  }

  private static Set<String> documentedVariables() {
    Set<String> names = new HashSet<>(BUILT_INS);
    for (Class<?> type : List.of(DirectiveVariables.class, ReviewVariables.class)) {
      for (Field field : type.getFields()) {
        if (Modifier.isStatic(field.getModifiers()) && field.getType() == String.class) {
          try {
            names.add((String) field.get(null));
          } catch (IllegalAccessException e) {
            throw new IllegalStateException(e);
          }
        }
      }
    }
    return names;
  }

  /** The checks of one BPMN file. */
  private final class BpmnCheck {

    private final String file;
    private final Map<String, JsonNode> forms;
    private final Set<String> decisions;
    private final Set<String> processes;
    private final Set<String> variables;
    /** Suffixes (".form", ".dmn", ".bpmn") of files that did not parse. */
    private final Set<String> unreadable;
    private final List<String> problems;

    BpmnCheck(String file, Map<String, JsonNode> forms, Set<String> decisions, Set<String> processes,
        Set<String> variables, Set<String> unreadable, List<String> problems) {
      this.unreadable = unreadable;
      this.file = file;
      this.forms = forms;
      this.decisions = decisions;
      this.processes = processes;
      this.variables = variables;
      this.problems = problems;
    }

    void run(Document bpmn) {
      for (Element element : DeploymentUnits.elements(bpmn, "*")) {
        if (BPMN.equals(element.getNamespaceURI())) {
          checkBpmnElement(element);
        } else if (CAMUNDA.equals(element.getNamespaceURI())
            && "failedJobRetryTimeCycle".equals(element.getLocalName()) && !isExpression(ownText(element))) {
          checkLiteralTime(element, "camunda:failedJobRetryTimeCycle", "retryCycle", ownText(element).strip());
        }
        for (int i = 0; i < element.getAttributes().getLength(); i++) {
          Node attribute = element.getAttributes().item(i);
          if (isExpression(attribute.getNodeValue())) {
            checkExpression(element, attribute.getNodeValue(), "delegateExpression".equals(attribute.getLocalName()));
          }
        }
        String text = ownText(element);
        if (isExpression(text) && !PROSE.contains(element.getLocalName())) {
          checkExpression(element, text, false);
        }
      }
    }

    private void checkBpmnElement(Element element) {
      String kind = element.getLocalName();
      String formRef = element.getAttributeNS(CAMUNDA, "formRef");
      if ("userTask".equals(kind) && formRef.isBlank()) {
        problems.add(where(element) + ": user task without a form (camunda:formRef); Tasklist would show Camunda's"
            + " generic English form. Add forms/" + element.getAttribute("id") + ".form and reference it");
      }
      // a form or DMN that does not parse is reported already; its id is unknown, so no follow-on problems
      if (("userTask".equals(kind) || "startEvent".equals(kind)) && !formRef.isBlank() && !isExpression(formRef)
          && !forms.containsKey(formRef) && !unreadable.contains(".form")) {
        problems.add(where(element) + ": its form \"" + formRef + "\" (camunda:formRef) is not the id of any .form"
            + " file in forms/");
      }
      if ("userTask".equals(kind)) {
        for (String attribute : List.of("dueDate", "followUpDate")) {
          String value = element.getAttributeNS(CAMUNDA, attribute);
          if (!value.isBlank() && !isExpression(value)) {
            checkLiteralTime(element, "camunda:" + attribute, "timeDate", value);
          }
        }
      }
      if ("timerEventDefinition".equals(kind)) {
        boolean hasTime = false;
        for (Node child = element.getFirstChild(); child != null; child = child.getNextSibling()) {
          if (child instanceof Element time && TIMERS.contains(time.getLocalName())) {
            hasTime = true;
            String value = ownText(time).strip();
            if (value.isEmpty()) {
              problems.add(where(element) + ": timer with an empty " + time.getLocalName());
            } else if (!isExpression(value)) {
              checkLiteralTime(element, time.getLocalName(), time.getLocalName(), value);
            }
          }
        }
        if (!hasTime) {
          problems.add(where(element) + ": timer without a date, duration or cycle");
        }
      }
      String decisionRef = element.getAttributeNS(CAMUNDA, "decisionRef");
      if (!decisionRef.isBlank() && !isExpression(decisionRef) && !decisions.contains(decisionRef)
          && !unreadable.contains(".dmn")) {
        problems.add(where(element) + ": decision \"" + decisionRef + "\" (camunda:decisionRef) is in no DMN file");
      }
      String calledElement = element.getAttribute("calledElement");
      if ("callActivity".equals(kind) && !calledElement.isBlank() && !isExpression(calledElement)
          && !processes.contains(calledElement) && !unreadable.contains(".bpmn")) {
        problems.add(where(element) + ": calls process \"" + calledElement + "\", which no BPMN file defines");
      }
    }

    /** A literal date, duration, cycle or cron, parsed as the engine's business calendars will. */
    private void checkLiteralTime(Element element, String what, String kind, String value) {
      try {
        if (("timeDate".equals(kind) || "timeDuration".equals(kind)) && WorkingDayExpression.parse(value).isPresent()) {
          return;
        }
        switch (kind) {
          case "timeDate" -> new DueDateBusinessCalendar().resolveDuedate(value);
          case "timeDuration" -> new DurationBusinessCalendar().resolveDuedate(value);
          case "retryCycle" -> {
            // R5/PT10M, or a list of waits such as PT10M,PT20M,PT1H
            if (value.startsWith("R")) {
              new CycleBusinessCalendar().resolveDuedate(value);
            } else {
              for (String wait : value.split(",")) {
                new DurationBusinessCalendar().resolveDuedate(wait.strip());
              }
            }
          }
          default -> new CycleBusinessCalendar().resolveDuedate(value);
        }
      } catch (RuntimeException e) {
        String message = rootMessage(e);
        if (value.contains(message)) {
          message = "\"" + message + "\" is not valid"; // Camunda's duration parser names only the bad part
        }
        problems.add(where(element) + ": " + what + " \"" + value + "\" cannot be evaluated: " + message
            + (message.contains(WorkingDayExpression.SYNTAX) ? "" : " (expected " + expected(kind) + ")"));
      }
    }

    private void checkExpression(Element element, String expression, boolean delegate) {
      Tree tree;
      try {
        tree = new Builder(Builder.Feature.METHOD_INVOCATIONS, Builder.Feature.VARARGS).build(expression);
      } catch (RuntimeException e) {
        problems.add(where(element) + ": expression " + expression + " does not parse: " + firstLine(e.getMessage()));
        return;
      }
      Set<String> names = new TreeSet<>();
      collectDereferenced(tree.getRoot(), names);
      if (delegate && tree.getRoot().getCardinality() == 1 && tree.getRoot().getChild(0) instanceof AstIdentifier id) {
        names.add(id.getName());
      }
      for (String name : names) {
        if (!isBean.test(name) && !variables.contains(name)) {
          problems.add(where(element) + ": expression " + expression + " names \"" + name
              + "\", which is neither a Spring bean nor a known process variable");
        }
      }
      checkMembers(element, expression, tree.getRoot());
    }

    /** {@code bean.method(args)} and {@code bean.property}: the bean's class must have them. */
    private void checkMembers(Element element, String expression, org.camunda.bpm.impl.juel.Node node) {
      if (node instanceof AstMethod method && method.getChild(0) instanceof AstDot dot
          && dot.getChild(0) instanceof AstIdentifier bean) {
        String missing = missingMember(bean.getName(), member(dot), method.getChild(1).getCardinality());
        if (missing != null) {
          problems.add(where(element) + ": expression " + expression + ": " + missing);
        }
        checkMembers(element, expression, method.getChild(1));
        return;
      }
      if (node instanceof AstDot dot && dot.getChild(0) instanceof AstIdentifier bean) {
        String missing = missingMember(bean.getName(), member(dot), -1);
        if (missing != null) {
          problems.add(where(element) + ": expression " + expression + ": " + missing);
        }
      }
      for (int i = 0; i < node.getCardinality(); i++) {
        checkMembers(element, expression, node.getChild(i));
      }
    }

    /** What the bean lacks, or null; arguments -1 for a property. */
    private String missingMember(String bean, String member, int arguments) {
      if (member == null || variables.contains(bean) || !isBean.test(bean)) {
        return null; // a variable's type is unknown here; a missing bean is reported already
      }
      Class<?> type = beanType.apply(bean);
      if (type == null || Map.class.isAssignableFrom(type)) {
        return null;
      }
      type = org.springframework.util.ClassUtils.getUserClass(type);
      if (arguments < 0) {
        var property = org.springframework.beans.BeanUtils.getPropertyDescriptor(type, member);
        return property != null && property.getReadMethod() != null ? null
            : "bean \"" + bean + "\" (" + type.getSimpleName() + ") has no property \"" + member + "\"";
      }
      for (java.lang.reflect.Method method : type.getMethods()) {
        int parameters = method.getParameterCount();
        if (method.getName().equals(member)
            && (parameters == arguments || method.isVarArgs() && arguments >= parameters - 1)) {
          return null;
        }
      }
      return "bean \"" + bean + "\" (" + type.getSimpleName() + ") has no public method \"" + member + "\" taking "
          + arguments + " argument(s)";
    }

    private String where(Element element) {
      Element named = element;
      // an event definition's id means little to the owner: name the event it belongs to
      while (named != null && (!named.hasAttribute("id") || named.getLocalName().endsWith("EventDefinition"))) {
        named = named.getParentNode() instanceof Element parent ? parent : null;
      }
      if (named == null) {
        return file;
      }
      String name = named.getAttribute("name");
      return file + ", " + named.getAttribute("id") + (name.isBlank() ? "" : " \"" + name + "\"");
    }
  }

  /** Identifiers whose properties or methods an expression uses: {@code x} of {@code x.y}, {@code x.m()}, {@code x[k]}. */
  private static void collectDereferenced(org.camunda.bpm.impl.juel.Node node, Set<String> names) {
    if (node instanceof AstProperty && node.getChild(0) instanceof AstIdentifier identifier) {
      names.add(identifier.getName());
    }
    for (int i = 0; i < node.getCardinality(); i++) {
      collectDereferenced(node.getChild(i), names);
    }
  }

  /** The property name of {@code x.name} ({@code AstDot} prints itself as ". name"). */
  private static String member(AstDot dot) {
    String text = dot.toString();
    return text.startsWith(". ") ? text.substring(2).strip() : null;
  }

  private static boolean isExpression(String value) {
    return value != null && (value.contains("${") || value.contains("#{"));
  }

  private static String ownText(Element element) {
    StringBuilder text = new StringBuilder();
    NodeList children = element.getChildNodes();
    for (int i = 0; i < children.getLength(); i++) {
      Node child = children.item(i);
      if (child.getNodeType() == Node.TEXT_NODE || child.getNodeType() == Node.CDATA_SECTION_NODE) {
        text.append(child.getNodeValue());
      }
    }
    return text.toString();
  }

  private static String expected(String kind) {
    return switch (kind) {
      case "timeDate" -> "an ISO 8601 date-time such as 2026-12-31T17:00:00, a duration such as P5D, or a working-day"
          + " expression " + WorkingDayExpression.SYNTAX;
      case "timeDuration" -> "an ISO 8601 duration such as PT1H or P5D, or a working-day expression "
          + WorkingDayExpression.SYNTAX;
      case "retryCycle" -> "an ISO 8601 repetition such as R5/PT10M or a list of durations such as PT10M,PT1H";
      default -> "an ISO 8601 repetition such as R3/PT1H or a cron expression such as 0 0 8 * * ?";
    };
  }

  private static String rootMessage(Throwable e) {
    Throwable root = e;
    while (root.getCause() != null && root.getCause() != root) {
      root = root.getCause();
    }
    String message = root.getMessage() != null ? root.getMessage() : root.getClass().getSimpleName();
    if (root != e && e.getMessage() != null && !e.getMessage().contains(message)) {
      message = e.getMessage() + ": " + message;
    }
    return firstLine(message);
  }

  private static String firstLine(String message) {
    if (message == null) {
      return "";
    }
    int newline = message.indexOf('\n');
    return (newline < 0 ? message : message.substring(0, newline)).strip();
  }
}
