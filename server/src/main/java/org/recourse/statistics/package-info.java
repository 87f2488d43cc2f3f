/**
 * Statistics for policy and monitors: figures broken down by the dimensions monitors ask for,
 * computed once per measure from a read model that other modules' events keep up to date,
 * protected by disclosure control before they leave the workbench (exports, the transparency
 * page), and shown on staff pages with server-rendered charts.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Statistics")
package org.recourse.statistics;
