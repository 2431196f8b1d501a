# Writes leadlint(1) from the binary's own --help texts, so the man page says
# what the code does today. Run by the `manpage` target:
#   cmake -DLEADLINT=<binary> -DOUT=<file> -DVERSION=<v> -P cmake/manpage.cmake
function(help_of out_var)
  execute_process(COMMAND ${LEADLINT} ${ARGN} OUTPUT_VARIABLE text RESULT_VARIABLE rc)
  if(NOT rc EQUAL 0)
    message(FATAL_ERROR "leadlint ${ARGN} failed: ${rc}")
  endif()
  # roff: escape backslashes, and keep lines from starting with a control character.
  string(REPLACE "\\" "\\e" text "${text}")
  string(REGEX REPLACE "(^|\n)([.'])" "\\1\\\\&\\2" text "${text}")
  set(${out_var} "${text}" PARENT_SCOPE)
endfunction()

help_of(main --help)
help_of(check check --help)
help_of(merge merge --help)
help_of(extract extract --help)
file(WRITE "${OUT}" ".TH LEADLINT 1 \"\" \"leadlint ${VERSION}\" \"User Commands\"
.SH NAME
leadlint \\- check marketplace offer lead settings and their localized docs
.SH SYNOPSIS
.B leadlint
\\fIcommand\\fR [\\fIoptions\\fR] [\\fIpath\\fR...]
.SH DESCRIPTION
leadlint checks that every listing of an Azure Marketplace or Microsoft AppSource offer sends its
customer leads to a lead destination the storefront rules accept, that each destination's
settings are valid, and that every translation of the lead-sharing docs still says what the
English source says. \\fBleadlint lsp\\fR serves the same checks to editors.
.SH COMMANDS
.nf
${main}
.fi
.SH CHECK
.nf
${check}
.fi
.SH MERGE
.nf
${merge}
.fi
.SH EXTRACT
.nf
${extract}
.fi
.SH EXIT STATUS
0: nothing at or above \\-\\-fail\\-on; 1: findings; 2: nothing was checked, or a usage or configuration
error; 3: an internal error.
.SH SEE ALSO
The documentation in /usr/share/doc/leadlint (usage.md, configuration.md, formats.md, editors.md
and one page per rule), and \\fBleadlint explain\\fR \\fIrule\\-id\\fR.
")
