#include "parley/sweep/pending_points.hpp"

#include <algorithm>
#include <bit>
#include <cstring>
#include <stdexcept>

namespace parley::sweep {

namespace {

void check_shard(const Shard& shard) {
  if (shard.count == 0 || shard.index == 0 || shard.index > shard.count)
    throw std::invalid_argument("the shard must be k/n with 1 <= k <= n");
}

template <typename T>
void append_bytes(std::string& out, const T& value) {
  out.append(reinterpret_cast<const char*>(&value), sizeof value);
}

template <typename T>
T read_bytes(const std::string& in, std::size_t& at) {
  if (at + sizeof(T) > in.size()) throw std::invalid_argument("DonePoints::decode: truncated bytes");
  T value;
  std::memcpy(&value, in.data() + at, sizeof value);
  at += sizeof value;
  return value;
}

}  // namespace

std::uint64_t shard_size(std::uint64_t design_size, const Shard& shard) {
  check_shard(shard);
  const std::uint64_t first = shard.index - 1;
  return design_size <= first ? 0 : (design_size - first - 1) / shard.count + 1;
}

DonePoints::DonePoints(std::uint64_t design_size, const Shard& shard)
    : design_size_(design_size), shard_(shard), shard_size_(sweep::shard_size(design_size, shard)) {
  if (shard_size_ <= bitmap_from_start) {
    bitmap_ = true;
    bits_.assign(static_cast<std::size_t>((shard_size_ + 63) / 64), 0);
  }
}

bool DonePoints::insert(std::uint64_t point) {
  if (point >= design_size_ || !shard_.contains(point))
    throw std::out_of_range("point " + std::to_string(point) + " is not in this sweep");
  const std::uint64_t q = point / shard_.count;
  if (!bitmap_) {
    if (!list_.empty() && q == list_.back()) return false;
    if (!list_.empty() && q < list_.back()) sorted_ = false;
    list_.push_back(q);
    ++count_;
    // A list of L positions takes 64 L bits, the bitmap shard_size_ bits.
    if (list_.size() >= shard_size_ / 64) to_bitmap();
    return true;
  }
  std::uint64_t& word = bits_[static_cast<std::size_t>(q / 64)];
  const std::uint64_t bit = std::uint64_t{1} << (q % 64);
  if (word & bit) return false;
  word |= bit;
  ++count_;
  return true;
}

void DonePoints::to_bitmap() {
  bits_.assign(static_cast<std::size_t>((shard_size_ + 63) / 64), 0);
  count_ = 0;
  for (const std::uint64_t q : list_) {
    std::uint64_t& word = bits_[static_cast<std::size_t>(q / 64)];
    const std::uint64_t bit = std::uint64_t{1} << (q % 64);
    if (word & bit) {
      const std::uint64_t point = shard_.index - 1 + q * shard_.count;
      if (!duplicate_ || point < *duplicate_) duplicate_ = point;
      continue;
    }
    word |= bit;
    ++count_;
  }
  std::vector<std::uint64_t>().swap(list_);
  bitmap_ = true;
  sorted_ = true;
}

std::optional<std::uint64_t> DonePoints::finish() {
  if (!bitmap_ && !sorted_) {
    std::sort(list_.begin(), list_.end());
    const auto twice = std::adjacent_find(list_.begin(), list_.end());
    if (twice != list_.end()) {
      const std::uint64_t point = shard_.index - 1 + *twice * shard_.count;
      if (!duplicate_ || point < *duplicate_) duplicate_ = point;
      list_.erase(std::unique(list_.begin(), list_.end()), list_.end());
      count_ = list_.size();
    }
    sorted_ = true;
  }
  return duplicate_;
}

bool DonePoints::contains_position(std::uint64_t q) const {
  if (q >= shard_size_) return false;
  if (bitmap_) return (bits_[static_cast<std::size_t>(q / 64)] >> (q % 64)) & 1;
  return std::binary_search(list_.begin(), list_.end(), q);
}

bool DonePoints::contains(std::uint64_t point) const {
  if (point >= design_size_ || !shard_.contains(point)) return false;
  return contains_position(point / shard_.count);
}

std::uint64_t DonePoints::next_pending_position(std::uint64_t q) const {
  if (bitmap_) {
    while (q < shard_size_) {
      // The positions >= q of q's word that are not done; bits past the shard's end are 0.
      const std::uint64_t open = ~bits_[static_cast<std::size_t>(q / 64)] & (~std::uint64_t{0} << (q % 64));
      if (open) return std::min(shard_size_, q - q % 64 + static_cast<std::uint64_t>(std::countr_zero(open)));
      q = q - q % 64 + 64;
    }
    return shard_size_;
  }
  auto it = std::lower_bound(list_.begin(), list_.end(), q);
  while (q < shard_size_ && it != list_.end() && *it == q) {
    ++q;
    ++it;
  }
  return std::min(q, shard_size_);
}

std::uint64_t DonePoints::memory_bytes() const {
  return static_cast<std::uint64_t>(list_.capacity() + bits_.capacity()) * sizeof(std::uint64_t);
}

std::string DonePoints::encode() const {
  std::string out;
  append_bytes(out, static_cast<std::uint8_t>(bitmap_));
  append_bytes(out, count_);
  const auto& words = bitmap_ ? bits_ : list_;
  append_bytes(out, static_cast<std::uint64_t>(words.size()));
  out.append(reinterpret_cast<const char*>(words.data()), words.size() * sizeof(std::uint64_t));
  return out;
}

DonePoints DonePoints::decode(std::uint64_t design_size, const Shard& shard, const std::string& bytes) {
  DonePoints done(design_size, shard);
  std::size_t at = 0;
  const auto bitmap = read_bytes<std::uint8_t>(bytes, at);
  const auto count = read_bytes<std::uint64_t>(bytes, at);
  const auto words = read_bytes<std::uint64_t>(bytes, at);
  if (words != (bytes.size() - at) / sizeof(std::uint64_t) || (bytes.size() - at) % sizeof(std::uint64_t) != 0)
    throw std::invalid_argument("DonePoints::decode: the bytes do not hold the words they announce");
  if (bitmap && words != (done.shard_size_ + 63) / 64)
    throw std::invalid_argument("DonePoints::decode: a bitmap for another shard");
  std::vector<std::uint64_t> values(static_cast<std::size_t>(words));
  std::memcpy(values.data(), bytes.data() + at, values.size() * sizeof(std::uint64_t));
  done.bitmap_ = bitmap != 0;
  done.count_ = count;
  done.sorted_ = true;
  if (done.bitmap_) {
    done.bits_ = std::move(values);
    done.list_.clear();
  } else {
    done.list_ = std::move(values);
    std::vector<std::uint64_t>().swap(done.bits_);
  }
  return done;
}

PendingPoints::PendingPoints(const DonePoints& done, std::uint64_t offset, std::uint64_t stride)
    : done_(&done), stride_(stride), skip_(offset) {
  if (stride == 0 || offset >= stride) throw std::invalid_argument("PendingPoints: requires offset < stride");
  const std::uint64_t total = done.shard_size() - done.size();
  size_ = total > offset ? (total - offset - 1) / stride + 1 : 0;
}

std::optional<std::uint64_t> PendingPoints::next() {
  if (given_ >= size_) return std::nullopt;
  for (;;) {
    const std::uint64_t q = done_->next_pending_position(position_);
    if (q >= done_->shard_size()) return std::nullopt;  // only if the done set lied about its size
    position_ = q + 1;
    if (skip_ > 0) {
      --skip_;
      continue;
    }
    skip_ = stride_ - 1;
    ++given_;
    return done_->shard().index - 1 + q * done_->shard().count;
  }
}

PendingPoints PendingPoints::every(std::uint64_t stride, std::uint64_t offset) const {
  if (stride_ != 1) throw std::logic_error("PendingPoints::every: the sequence is already strided");
  return PendingPoints(*done_, offset, stride);
}

}  // namespace parley::sweep
