// A deliberately broken script: JShellScriptsTest proves both faults are caught.
int fine = 1;

// line 5 is rejected: no such variable
int twice = nowhere * 2;

/* line 8 throws, after a rejected snippet the script carries on as jshell does */
Integer.parseInt(
    "not a number")

String last = "reached";
