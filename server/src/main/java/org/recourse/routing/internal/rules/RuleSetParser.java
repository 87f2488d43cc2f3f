package org.recourse.routing.internal.rules;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.recourse.routing.LocalizedText;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.YAMLException;

/**
 * Reads a rule document (YAML) into a {@link RuleSet}, or reports every problem at once with its
 * place in the document, so a coordinator editing a draft can fix them in one go.
 *
 * <pre>
 * conditions:            # named conditions rules can refer to with {condition: name}
 *   csam: {forms-any: [child_sexual_abuse_material]}
 * authorities:           # competent bodies that differ per member state
 *   dsc:
 *     by-country: {NL: acm, IE: coimisiun-na-mean}
 *     fallback: {nl: "de toezichthouder in {supervisionCountry}", en: "..."}
 * rules:
 *   - id: platform-notice
 *     section: action    # or referral
 *     kind: notice
 *     order: 20
 *     target: platform   # or none, or a directory key
 *     forward-to: dsc    # optional, an authority above
 *     when: {legal-status: [illegal, unlawful]}
 *     urgent: false      # or a condition
 *     reason: {nl: "...", en: "..."}
 * </pre>
 */
public final class RuleSetParser {

    private static final Set<String> TOP_LEVEL = Set.of("description", "conditions", "authorities", "rules");
    private static final Set<String> RULE_KEYS = Set.of("id", "section", "kind", "order", "target", "forward-to",
            "when", "urgent", "reason");
    private static final int MAX_DOCUMENT_CHARS = 200_000;

    private RuleSetParser() {
    }

    public static RuleSet parse(String document) {
        if (document == null || document.isBlank()) {
            throw new RuleSetInvalid(List.of("the rule document is empty"));
        }
        if (document.length() > MAX_DOCUMENT_CHARS) {
            throw new RuleSetInvalid(List.of("the rule document is longer than " + MAX_DOCUMENT_CHARS + " characters"));
        }
        Object root;
        try {
            LoaderOptions options = new LoaderOptions();
            options.setAllowDuplicateKeys(false);
            root = new Yaml(new SafeConstructor(options)).load(document);
        } catch (YAMLException e) {
            throw new RuleSetInvalid(List.of("not valid YAML: " + firstLine(e.getMessage())));
        }
        if (!(root instanceof Map<?, ?> top)) {
            throw new RuleSetInvalid(List.of("the document must be a map with 'conditions', 'authorities' and 'rules'"));
        }
        List<String> problems = new ArrayList<>();
        top.keySet().stream().map(String::valueOf).filter(key -> !TOP_LEVEL.contains(key))
                .forEach(key -> problems.add(key + ": unknown section (known: " + String.join(", ", TOP_LEVEL) + ")"));

        Map<String, Condition> named = new LinkedHashMap<>();
        ConditionParser conditions = new ConditionParser(named, problems);
        map(top.get("conditions"), "conditions", problems, true).forEach((name, node) ->
                named.put(String.valueOf(name), conditions.parse(node, "conditions." + name)));

        Map<String, Authority> authorities = new LinkedHashMap<>();
        map(top.get("authorities"), "authorities", problems, true).forEach((name, node) ->
                authorities.put(String.valueOf(name), authority(String.valueOf(name), node, problems)));

        List<Rule> rules = new ArrayList<>();
        Object ruleNodes = top.get("rules");
        if (!(ruleNodes instanceof List<?> list) || list.isEmpty()) {
            problems.add("rules: expected a non-empty list of rules");
        } else {
            Set<String> ids = new HashSet<>();
            for (int i = 0; i < list.size(); i++) {
                Rule rule = rule(list.get(i), "rules[" + i + "]", conditions, authorities.keySet(), problems);
                if (rule != null && !ids.add(rule.id())) {
                    problems.add("rules[" + i + "].id: '" + rule.id() + "' is used twice");
                }
                rules.add(rule);
            }
        }
        if (!problems.isEmpty()) {
            throw new RuleSetInvalid(problems);
        }
        return new RuleSet(rules, authorities);
    }

    private static Rule rule(Object node, String path, ConditionParser conditions, Set<String> authorities,
                             List<String> problems) {
        if (!(node instanceof Map<?, ?> map)) {
            problems.add(path + ": expected a map with id, section, target, when and reason");
            return null;
        }
        map.keySet().stream().map(String::valueOf).filter(key -> !RULE_KEYS.contains(key))
                .forEach(key -> problems.add(path + "." + key + ": unknown field (known: " + String.join(", ", RULE_KEYS) + ")"));
        String id = text(map.get("id"), path + ".id", problems);
        Rule.Section section = null;
        String sectionText = text(map.get("section"), path + ".section", problems);
        if (sectionText != null) {
            try {
                section = Rule.Section.valueOf(sectionText.toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                problems.add(path + ".section: must be 'action' or 'referral'");
            }
        }
        String kind = map.containsKey("kind") ? text(map.get("kind"), path + ".kind", problems) : sectionText;
        int order = 0;
        if (!(map.get("order") instanceof Integer value)) {
            problems.add(path + ".order: expected a whole number; lower comes first");
        } else {
            order = value;
        }
        String target = text(map.get("target"), path + ".target", problems);
        String forwardTo = null;
        if (map.containsKey("forward-to")) {
            forwardTo = text(map.get("forward-to"), path + ".forward-to", problems);
            if (forwardTo != null && !authorities.contains(forwardTo)) {
                problems.add(path + ".forward-to: no authority named '" + forwardTo + "' under 'authorities'");
            }
            if (section == Rule.Section.REFERRAL) {
                problems.add(path + ".forward-to: only actions are forwarded");
            }
        }
        Condition when = map.containsKey("when") ? conditions.parse(map.get("when"), path + ".when") : Condition.ALWAYS;
        Condition urgent = switch (map.get("urgent")) {
            case null -> situation -> false;
            case Boolean flag -> situation -> flag;
            case Object other -> conditions.parse(other, path + ".urgent");
        };
        LocalizedText reason = localized(map.get("reason"), path + ".reason", problems);
        if (id == null || section == null || target == null || reason == null) {
            return null;
        }
        return new Rule(id, section, kind, order, target, forwardTo, when, urgent, reason);
    }

    private static Authority authority(String name, Object node, List<String> problems) {
        String path = "authorities." + name;
        if (!(node instanceof Map<?, ?> map)) {
            problems.add(path + ": expected a map with by-country and fallback");
            return new Authority(name, Map.of(), new LocalizedText("", ""));
        }
        Map<String, String> byCountry = new LinkedHashMap<>();
        map(map.get("by-country"), path + ".by-country", problems, false).forEach((country, key) -> {
            String code = String.valueOf(country).toUpperCase(Locale.ROOT);
            if (!Situation.EU.contains(code)) {
                problems.add(path + ".by-country." + country + ": not an EU member state code");
            }
            byCountry.put(code, String.valueOf(key));
        });
        LocalizedText fallback = localized(map.get("fallback"), path + ".fallback", problems);
        return new Authority(name, byCountry, fallback == null ? new LocalizedText("", "") : fallback);
    }

    private static LocalizedText localized(Object node, String path, List<String> problems) {
        if (!(node instanceof Map<?, ?> map)) {
            problems.add(path + ": expected {nl: \"...\", en: \"...\"}");
            return null;
        }
        String nl = text(map.get("nl"), path + ".nl", problems);
        String en = text(map.get("en"), path + ".en", problems);
        for (String text : new String[] {nl, en}) {
            if (text != null) {
                ReasonTemplate.unknownPlaceholders(text).forEach(placeholder -> problems.add(path + ": unknown placeholder {"
                        + placeholder + "} (known: " + String.join(", ", ReasonTemplate.PLACEHOLDERS) + ")"));
            }
        }
        return nl == null || en == null ? null : new LocalizedText(nl.strip(), en.strip());
    }

    private static String text(Object node, String path, List<String> problems) {
        if (node == null || String.valueOf(node).isBlank() || node instanceof Map || node instanceof List) {
            problems.add(path + ": required text is missing");
            return null;
        }
        return String.valueOf(node).trim();
    }

    private static Map<?, ?> map(Object node, String path, List<String> problems, boolean optional) {
        if (node == null && optional) {
            return Map.of();
        }
        if (node instanceof Map<?, ?> map) {
            return map;
        }
        problems.add(path + ": expected a map");
        return Map.of();
    }

    private static String firstLine(String message) {
        return message == null ? "" : message.lines().findFirst().orElse("");
    }
}
