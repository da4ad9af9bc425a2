//! A unified diff of two texts, line by line (Myers' O(ND) algorithm), as `diff -u` prints it.

use std::fmt::Write as _;

/// Lines of context around each change.
const CONTEXT: usize = 3;

/// One line of an edit script.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Edit {
    /// The line is in both texts: (old index, new index).
    Keep(usize, usize),
    /// The old line at this index is removed.
    Delete(usize),
    /// The new line at this index is inserted.
    Insert(usize),
}

/// The unified diff from `old` to `new`, with `---`/`+++` headers naming `old_name` and
/// `new_name`, or an empty string when the texts are equal.
pub(crate) fn unified(old: &str, new: &str, old_name: &str, new_name: &str) -> String {
    if old == new {
        return String::new();
    }
    let old_lines: Vec<&str> = old.split_inclusive('\n').collect();
    let new_lines: Vec<&str> = new.split_inclusive('\n').collect();
    let edits = edit_script(&old_lines, &new_lines);
    let mut out = format!("--- {old_name}\n+++ {new_name}\n");
    for hunk in hunks(&edits) {
        write_hunk(&mut out, hunk, &old_lines, &new_lines);
    }
    out
}

/// The shortest edit script turning `old` into `new`: common prefix and suffix are kept
/// as they are, and Myers' greedy algorithm finds the middle.
fn edit_script(old: &[&str], new: &[&str]) -> Vec<Edit> {
    let prefix = old
        .iter()
        .zip(new.iter())
        .take_while(|(a, b)| a == b)
        .count();
    let suffix = old
        .iter()
        .skip(prefix)
        .rev()
        .zip(new.iter().skip(prefix).rev())
        .take_while(|(a, b)| a == b)
        .count();
    let old_middle = old.get(prefix..old.len() - suffix).unwrap_or_default();
    let new_middle = new.get(prefix..new.len() - suffix).unwrap_or_default();

    let mut edits: Vec<Edit> = (0..prefix).map(|i| Edit::Keep(i, i)).collect();
    edits.extend(
        myers(old_middle, new_middle)
            .into_iter()
            .map(|edit| match edit {
                Edit::Keep(a, b) => Edit::Keep(a + prefix, b + prefix),
                Edit::Delete(a) => Edit::Delete(a + prefix),
                Edit::Insert(b) => Edit::Insert(b + prefix),
            }),
    );
    let (old_tail, new_tail) = (old.len() - suffix, new.len() - suffix);
    edits.extend((0..suffix).map(|i| Edit::Keep(old_tail + i, new_tail + i)));
    edits
}

/// Above this many differing lines the middle is shown as removed and re-added as a whole,
/// which keeps the search's memory bounded (the trace grows with the square of the distance).
const MAX_DISTANCE: usize = 2000;

/// Myers' algorithm: for each edit distance `d`, the furthest reaching x on each diagonal
/// `k = x - y`; the frontiers seen before each step are walked back into an edit script.
fn myers(old: &[&str], new: &[&str]) -> Vec<Edit> {
    let (n, m) = (old.len(), new.len());
    let max = (n + m).min(MAX_DISTANCE);
    let offset = max as isize + 1;
    let slot = |k: isize| (k + offset) as usize;
    // `frontier[slot(k)]` is the furthest x reached on diagonal k.
    let mut frontier = vec![0usize; 2 * max + 3];
    // `trace[d]` holds the frontiers of diagonals -(d+1)..=d+1 before step d.
    let mut trace: Vec<Vec<usize>> = Vec::new();
    for d in 0..=max as isize {
        trace.push(
            frontier
                .get(slot(-d - 1)..=slot(d + 1))
                .unwrap_or_default()
                .to_vec(),
        );
        let at = |frontier: &[usize], k: isize| frontier.get(slot(k)).copied().unwrap_or(0);
        let mut k = -d;
        while k <= d {
            let down = k == -d || (k != d && at(&frontier, k - 1) < at(&frontier, k + 1));
            let mut x = if down {
                at(&frontier, k + 1)
            } else {
                at(&frontier, k - 1) + 1
            };
            let mut y = (x as isize - k) as usize;
            while x < n && y < m && old.get(x) == new.get(y) {
                x += 1;
                y += 1;
            }
            if let Some(cell) = frontier.get_mut(slot(k)) {
                *cell = x;
            }
            if x >= n && y >= m {
                return backtrack(&trace, n, m);
            }
            k += 2;
        }
    }
    // Too different: remove every old line, add every new one.
    (0..n)
        .map(Edit::Delete)
        .chain((0..m).map(Edit::Insert))
        .collect()
}

/// Walks the frontiers back from `(n, m)` to `(0, 0)`.
fn backtrack(trace: &[Vec<usize>], n: usize, m: usize) -> Vec<Edit> {
    let mut edits = Vec::new();
    let (mut x, mut y) = (n as isize, m as isize);
    for (d, before) in trace.iter().enumerate().rev() {
        let d = d as isize;
        if d == 0 {
            while x > 0 && y > 0 {
                x -= 1;
                y -= 1;
                edits.push(Edit::Keep(x as usize, y as usize));
            }
            break;
        }
        let at = |k: isize| before.get((k + d + 1) as usize).copied().unwrap_or(0) as isize;
        let k = x - y;
        let down = k == -d || (k != d && at(k - 1) < at(k + 1));
        let previous_k = if down { k + 1 } else { k - 1 };
        let previous_x = at(previous_k);
        let previous_y = previous_x - previous_k;
        let (start_x, start_y) = if down {
            (previous_x, previous_y + 1)
        } else {
            (previous_x + 1, previous_y)
        };
        while x > start_x && y > start_y {
            x -= 1;
            y -= 1;
            edits.push(Edit::Keep(x as usize, y as usize));
        }
        if down {
            edits.push(Edit::Insert(previous_y.max(0) as usize));
        } else {
            edits.push(Edit::Delete(previous_x.max(0) as usize));
        }
        x = previous_x;
        y = previous_y;
    }
    edits.reverse();
    edits
}

/// Groups the edit script into hunks: runs of changes with up to [`CONTEXT`] kept lines
/// around them (changes closer than twice that share a hunk).
fn hunks(edits: &[Edit]) -> Vec<&[Edit]> {
    let changes: Vec<usize> = edits
        .iter()
        .enumerate()
        .filter(|(_, edit)| !matches!(edit, Edit::Keep(..)))
        .map(|(index, _)| index)
        .collect();
    let mut ranges: Vec<(usize, usize)> = Vec::new();
    for index in changes {
        let start = index.saturating_sub(CONTEXT);
        let end = (index + CONTEXT + 1).min(edits.len());
        match ranges.last_mut() {
            Some(last) if start <= last.1 => last.1 = end,
            _ => ranges.push((start, end)),
        }
    }
    ranges
        .into_iter()
        .filter_map(|(start, end)| edits.get(start..end))
        .collect()
}

/// Appends one hunk: its `@@ -a,b +c,d @@` header and its lines.
fn write_hunk(out: &mut String, hunk: &[Edit], old: &[&str], new: &[&str]) {
    let old_start = hunk.iter().find_map(|edit| match edit {
        Edit::Keep(a, _) | Edit::Delete(a) => Some(*a),
        Edit::Insert(_) => None,
    });
    let new_start = hunk.iter().find_map(|edit| match edit {
        Edit::Keep(_, b) | Edit::Insert(b) => Some(*b),
        Edit::Delete(_) => None,
    });
    let old_count = hunk
        .iter()
        .filter(|e| !matches!(e, Edit::Insert(_)))
        .count();
    let new_count = hunk
        .iter()
        .filter(|e| !matches!(e, Edit::Delete(_)))
        .count();
    // `diff -u` numbers lines from 1; an empty side is written `0,0`.
    let position = |start: Option<usize>, count: usize| match start {
        Some(start) if count > 0 => format!("{},{count}", start + 1),
        _ => "0,0".to_owned(),
    };
    let _ = writeln!(
        out,
        "@@ -{} +{} @@",
        position(old_start, old_count),
        position(new_start, new_count)
    );
    for edit in hunk {
        let (sign, line) = match *edit {
            Edit::Keep(a, _) => (' ', old.get(a)),
            Edit::Delete(a) => ('-', old.get(a)),
            Edit::Insert(b) => ('+', new.get(b)),
        };
        let line = line.copied().unwrap_or_default();
        out.push(sign);
        out.push_str(line);
        if !line.ends_with('\n') {
            out.push_str("\n\\ No newline at end of file\n");
        }
    }
}

#[cfg(test)]
#[allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]
mod tests {
    use super::*;

    /// Applies the diff's edit script to `old` and checks it gives `new`.
    fn roundtrip(old: &str, new: &str) {
        let old_lines: Vec<&str> = old.split_inclusive('\n').collect();
        let new_lines: Vec<&str> = new.split_inclusive('\n').collect();
        let edits = edit_script(&old_lines, &new_lines);
        let mut rebuilt = String::new();
        let (mut kept_old, mut deleted) = (0, 0);
        for edit in &edits {
            match *edit {
                Edit::Keep(a, b) => {
                    assert_eq!(old_lines[a], new_lines[b]);
                    rebuilt.push_str(new_lines[b]);
                    kept_old += 1;
                }
                Edit::Insert(b) => rebuilt.push_str(new_lines[b]),
                Edit::Delete(_) => deleted += 1,
            }
        }
        assert_eq!(rebuilt, new, "edit script of {old:?} -> {new:?}");
        assert_eq!(kept_old + deleted, old_lines.len());
    }

    #[test]
    fn edit_scripts_rebuild_the_new_text() {
        let cases = [
            ("", ""),
            ("a\n", ""),
            ("", "a\n"),
            ("a\nb\nc\n", "a\nc\n"),
            ("a\nb\nc\n", "a\nx\nb\nc\n"),
            ("a\nb\nc\na\nb\nb\na\n", "c\nb\na\nb\na\nc\n"),
            ("x\ny\nz\n", "1\n2\n3\n4\n"),
            ("same\n", "same"),
        ];
        for (old, new) in cases {
            roundtrip(old, new);
            roundtrip(new, old);
        }
    }

    #[test]
    fn myers_finds_the_shortest_script() {
        // The classic example from Myers' paper: distance 5.
        let old: Vec<&str> = "abcabba".split("").filter(|s| !s.is_empty()).collect();
        let new: Vec<&str> = "cbabac".split("").filter(|s| !s.is_empty()).collect();
        let changes = myers(&old, &new)
            .iter()
            .filter(|e| !matches!(e, Edit::Keep(..)))
            .count();
        assert_eq!(changes, 5);
    }

    #[test]
    fn unified_diff_has_headers_hunks_and_context() {
        let old = "1\n2\n3\n4\n5\n6\n7\n8\n9\n10\n";
        let new = "1\n2\n3\n4\nfive\n6\n7\n8\n9\n10\n";
        let diff = unified(old, new, "a/f.yaml", "b/f.yaml");
        assert_eq!(
            diff,
            "--- a/f.yaml\n+++ b/f.yaml\n@@ -2,7 +2,7 @@\n 2\n 3\n 4\n-5\n+five\n 6\n 7\n 8\n"
        );
    }

    #[test]
    fn distant_changes_make_separate_hunks() {
        let old: String = (1..=20).map(|i| format!("{i}\n")).collect();
        let new = old.replace("2\n", "two\n").replace("19\n", "nineteen\n");
        let diff = unified(&old, &new, "a", "b");
        assert_eq!(diff.matches("@@ -").count(), 2, "{diff}");
        assert!(diff.contains("-19\n+nineteen\n"));
    }

    #[test]
    fn whole_file_added_or_removed() {
        assert_eq!(
            unified("", "a\nb\n", "/dev/null", "b/x"),
            "--- /dev/null\n+++ b/x\n@@ -0,0 +1,2 @@\n+a\n+b\n"
        );
        assert_eq!(
            unified("a\n", "", "a/x", "/dev/null"),
            "--- a/x\n+++ /dev/null\n@@ -1,1 +0,0 @@\n-a\n"
        );
        assert_eq!(unified("same\n", "same\n", "a", "b"), "");
    }

    #[test]
    fn missing_final_newline_is_marked() {
        let diff = unified("a\n", "a", "a/x", "b/x");
        assert!(
            diff.contains("-a\n+a\n\\ No newline at end of file\n"),
            "{diff}"
        );
    }
}
