package org.kunnafoni.text.template;

/**
 * A variable templates may use, declared once per kind in {@code topics.yaml}.
 *
 * @param sample    a realistic value, used by the checker
 * @param maxLength the longest value render accepts; the checker counts segments with every value this long,
 *                  so a template that passes the check never grows past its segment limit when sent
 */
public record VariableSpec(String name, String sample, int maxLength) {
}
