/** Tablesaw tables of a world, for JShell, notebooks and the demo to print. */
package dev.ecswasm.tables;
