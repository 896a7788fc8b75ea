// The kg subcommands. Each Add*Command registers one subcommand, with its own
// options, on the CLI11 app; when it runs it stores its exit status in
// *exit_code. main.cc only calls these. Commands print their own one-line
// errors on stderr ("kg: FILE:LINE:COL: message") and never abort on bad input.
#ifndef KG_TOOLS_COMMANDS_H_
#define KG_TOOLS_COMMANDS_H_

namespace CLI {
class App;
}

namespace kg {

// kg extract [--rules F]... [--date D] [--jobs N] [--times] PATH...
void AddExtractCommand(CLI::App& app, int* exit_code);
// kg build [--rules F]... [--date D] [--jobs N] PATH... -o GRAPH
void AddBuildCommand(CLI::App& app, int* exit_code);
// kg query GRAPH [-e QUERY]... [-f FILE] [--format table|json|tsv] [--timing];
// the REPL when neither -e nor -f is given and stdin is a terminal, otherwise
// queries from stdin one a line with no prompt. Non-zero if any query failed.
void AddQueryCommand(CLI::App& app, int* exit_code);
// kg export GRAPH --format dot|graphml|gexf|json|csv|ntriples [-o OUT]
void AddExportCommand(CLI::App& app, int* exit_code);
// kg rules check F... / kg rules test F...
void AddRulesCommand(CLI::App& app, int* exit_code);

}  // namespace kg

#endif  // KG_TOOLS_COMMANDS_H_
