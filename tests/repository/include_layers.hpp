#pragma once
// The layers of Parley and what each may use (docs/design.md, "Layers"), and the check that reads
// every `#include "parley/..."` of the public headers (include/parley) and the sources (sim) and
// reports each include of a layer the including file may not use. A layer is a folder: the
// longest folder name in the table that the file's path (below include/parley or sim) starts
// with. A file in a folder that is no layer is reported too, so a new folder cannot slip past.
#include <algorithm>
#include <filesystem>
#include <fstream>
#include <regex>
#include <string>
#include <vector>

namespace parley::testing {

/// A layer: its folder, and the layers below it that its files may include (its own is implied).
struct Layer {
  std::string folder;
  std::vector<std::string> may_use;
};

/// The layers, lowest first; each may use every layer before it. The core (model to sweep) never
/// reads a file or prints; the io rooms sit on it: writers and diagnostics first, then the formats
/// of other tools (GENIUS, Gambit), the reports, the scenario files (whose description writes
/// packages as the reports do, and which read GENIUS negotiations), the sweep files; the command
/// line uses everything, and so does the Python module (sim/python), which sits beside it.
inline const std::vector<Layer>& parley_layers() {
  static const std::vector<Layer> layers = [] {
    const std::vector<std::string> order = {"model",     "battlefield", "agreement",  "equilibrium", "agents",
                                            "engine",    "solve",       "sweep",      "io/format",   "io/interop",
                                            "io/report", "io/scenario", "io/sweep",   "cli",
                                            "python"};
    std::vector<Layer> all;
    for (std::size_t k = 0; k < order.size(); ++k) {
      all.push_back({order[k], std::vector<std::string>(order.begin(), order.begin() + static_cast<long>(k))});
    }
    return all;
  }();
  return layers;
}

/// The layer of a path relative to include/parley or sim ("io/format/json_writer.hpp" is in
/// io/format); "" when no layer's folder holds it.
inline std::string layer_of(const std::string& relative) {
  std::string best;
  for (const auto& layer : parley_layers()) {
    if (relative.rfind(layer.folder + "/", 0) == 0 && layer.folder.size() > best.size()) best = layer.folder;
  }
  return best;
}

/// One include the layering forbids, or a file outside every layer (then `included` is empty).
struct LayeringViolation {
  std::string file;      ///< the including file, relative to the checked tree's root
  int line = 0;          ///< 1-based line of the include (0 for a file outside every layer)
  std::string from;      ///< the including file's layer ("" if none)
  std::string included;  ///< the included header, as written after "parley/"
  std::string to;        ///< the included header's layer ("" if none)
};

/// Every upward include, include of a folder that is no layer, and file outside every layer under
/// `root`/include/parley and `root`/sim, in path order.
inline std::vector<LayeringViolation> layering_violations(const std::filesystem::path& root) {
  namespace fs = std::filesystem;
  static const std::regex include_line(R"(^\s*#\s*include\s*"parley/([^"]+)\")");
  std::vector<LayeringViolation> found;
  for (const auto& base : {root / "include" / "parley", root / "sim"}) {
    if (!fs::exists(base)) continue;
    std::vector<fs::path> files;
    for (const auto& entry : fs::recursive_directory_iterator(base)) {
      const auto ext = entry.path().extension();
      if (entry.is_regular_file() && (ext == ".hpp" || ext == ".cpp")) files.push_back(entry.path());
    }
    std::sort(files.begin(), files.end());
    for (const auto& path : files) {
      const std::string relative = fs::relative(path, base).generic_string();
      const std::string shown = fs::relative(path, root).generic_string();
      const std::string from = layer_of(relative);
      if (from.empty()) {
        found.push_back({shown, 0, "", "", ""});
        continue;
      }
      const auto& may_use = std::find_if(parley_layers().begin(), parley_layers().end(),
                                         [&](const Layer& l) { return l.folder == from; })->may_use;
      std::ifstream in(path);
      std::string text;
      for (int line = 1; std::getline(in, text); ++line) {
        std::smatch m;
        if (!std::regex_search(text, m, include_line)) continue;
        const std::string included = m[1];
        const std::string to = layer_of(included);
        const bool allowed =
            !to.empty() && (to == from || std::find(may_use.begin(), may_use.end(), to) != may_use.end());
        if (!allowed) found.push_back({shown, line, from, included, to});
      }
    }
  }
  return found;
}

}  // namespace parley::testing
