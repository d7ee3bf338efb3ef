//! Suggestions for a mistyped name: the nearest known one by edit distance.

/// The candidate closest to a name, if one is close: letter case counts
/// for nothing (`PI` is pi), one edit is close for a name of up to four
/// letters and two for a longer one, and of equally near candidates the one
/// sharing the longest beginning wins (`sinn` is sin before sign), then the
/// first in byte order. Candidates are offered one at a time (no iterator
/// types to compile for each list of names).
pub struct Nearest<'a> {
    name: &'a str,
    folded: Vec<char>,
    best: Option<(usize, std::cmp::Reverse<usize>, String)>,
}

impl<'a> Nearest<'a> {
    pub fn new(name: &'a str) -> Nearest<'a> {
        Nearest {
            name,
            folded: lowered(name),
            best: None,
        }
    }

    pub fn offer(&mut self, candidate: &str) {
        let allowed = if self.folded.len() <= 4 { 1 } else { 2 };
        let other = lowered(candidate);
        let distance = edit_distance(&self.folded, &other);
        if distance > allowed || distance >= other.len() || candidate == self.name {
            return;
        }
        let mut shared = 0;
        while shared < other.len().min(self.folded.len()) && self.folded[shared] == other[shared] {
            shared += 1;
        }
        let key = (distance, std::cmp::Reverse(shared));
        let better = match &self.best {
            Some((d, s, best)) => key < (*d, *s) || key == (*d, *s) && candidate < best.as_str(),
            None => true,
        };
        if better {
            self.best = Some((distance, key.1, candidate.to_string()));
        }
    }

    pub fn found(self) -> Option<String> {
        self.best.map(|(_, _, candidate)| candidate)
    }
}

/// A name's characters, ASCII letters in lower case.
fn lowered(name: &str) -> Vec<char> {
    let mut chars = Vec::new();
    for c in name.chars() {
        chars.push(c.to_ascii_lowercase());
    }
    chars
}

/// Edits between two words, over characters: insertions, deletions,
/// substitutions and swaps of neighbours (`sqtr` is one from `sqrt`).
fn edit_distance(a: &[char], b: &[char]) -> usize {
    // The whole table in one vector: `d[i * w + j]` is the distance between
    // the first `i` of `a` and the first `j` of `b`.
    let w = b.len() + 1;
    let mut d = vec![0; (a.len() + 1) * w];
    for i in 0..=a.len() {
        for j in 0..w {
            d[i * w + j] = if i == 0 || j == 0 {
                i + j
            } else {
                let substitution = d[(i - 1) * w + j - 1] + usize::from(a[i - 1] != b[j - 1]);
                let mut best = substitution
                    .min(d[i * w + j - 1] + 1)
                    .min(d[(i - 1) * w + j] + 1);
                if i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1] {
                    best = best.min(d[(i - 2) * w + j - 2] + 1);
                }
                best
            };
        }
    }
    d[d.len() - 1]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn edit_distance_counts_single_edits() {
        let distance = |a: &str, b: &str| {
            let chars = |s: &str| s.chars().collect::<Vec<char>>();
            edit_distance(&chars(a), &chars(b))
        };
        assert_eq!(distance("sine", "sin"), 1);
        assert_eq!(distance("sqtr", "sqrt"), 1);
        assert_eq!(distance("", "ab"), 2);
        assert_eq!(distance("abc", "abc"), 0);
        assert_eq!(distance("kitten", "sitting"), 3);
        assert_eq!(distance("ab", "ba"), 1);
    }
}
