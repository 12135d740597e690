#pragma once
/// \file meta_game_metrics.hpp
/// The strategy meta-game of one sweep point as numbers (`parley sweep --meta-game`, issue 17):
/// a sweep row holds numbers only, so the answer a regime map draws (the equilibrium set, each
/// best reply) is written as 0/1 indicators, beside each profile's payoffs. Over a grid of one
/// or two varied fields the rows are a regime map at the grid's resolution (`tools/plot.py
/// regime-sweep`), computed on any number of threads, shards or MPI ranks.
///
/// Column names, for players p (ids) with strategies labelled as `--strategies` spells them
/// (rows r, columns c; ".vs.", ".is." and ".at." separate labels, which never contain them):
///   meta.runs                          runs per profile the estimate used (after doubling);
///   meta.equilibria                    the number of equilibria of the estimated game;
///   meta.mixed                         supports of the equilibrium set at the confidence that
///                                      are not pure;
///   meta.equilibrium.<r>.vs.<c>        1 if the pure profile (r, c) is in that set, else 0;
///   meta.reply.<p>.vs.<t>.is.<s>       1 if s is among p's best replies to the other's t
///                                      (tied at the confidence), else 0;
///   meta.payoff.<p>.at.<r>.vs.<c>      p's expected payoff at profile (r, c);
///   meta.std_error.<p>.at.<r>.vs.<c>   its standard error.

#include <string>
#include <vector>

#include "parley/engine/monte_carlo.hpp"
#include "parley/model/scenario.hpp"
#include "parley/solve/adaptive_meta_game.hpp"
#include "parley/solve/meta_game.hpp"

namespace parley::io {

/// The meta.* column names of the meta-game of `players` on `scenario`, in the order
/// meta_game_metrics returns its values.
[[nodiscard]] std::vector<std::string> meta_game_metric_names(const Scenario& scenario, const MetaGameSpec& players);

/// The meta-game of `players` on `scenario`, played as `parley compare` plays it
/// (play_adaptive_meta_game with `options` and `adaptive`), as the values of
/// meta_game_metric_names. With the same options at every point (the same seed and point id)
/// the points share their random numbers, as `compare --across` does, so neighbouring rows
/// differ by the parameter, not by the noise.
[[nodiscard]] std::vector<double> meta_game_metrics(const Scenario& scenario, const MetaGameSpec& players,
                                                    const RunOptions& options, const AdaptiveOptions& adaptive);

}  // namespace parley::io
