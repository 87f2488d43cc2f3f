/**
 * The forms of online sexual and gender-based violence Recourse knows about, kept as reference
 * data so new forms (e.g. AI-made material) can be added without a release. Other modules refer
 * to a form by its stable {@code code}.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Taxonomy")
package org.recourse.taxonomy;
