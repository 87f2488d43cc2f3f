/**
 * Assessment: the queue of reported items, question sets, the legal judgement of each item,
 * decisions with four-eyes confirmation, and the hand-over to takedown, police or the CSAM route.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Assessment")
package org.recourse.assessment;
