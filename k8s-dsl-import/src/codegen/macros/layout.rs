//! The layout of a macro body, which rustfmt leaves as it is: a block or list goes on one line
//! when it fits in 100 columns, else one entry a line; a list of one block opens on the key's
//! line (`containers: [ {`), as the examples write it.

/// A macro value: written text, a block of entries, or a list.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum Node {
    /// A literal or bare identifier, as written.
    Atom(String),
    /// `{ key: value, ... }`; keys as written (bare or quoted).
    Block(Vec<(String, Node)>),
    /// `[ item, ... ]`.
    List(Vec<Node>),
}

const WIDTH: usize = 100;

fn pad(indent: usize) -> String {
    "    ".repeat(indent)
}

impl Node {
    /// The value on one line.
    fn flat(&self) -> String {
        match self {
            Node::Atom(text) => text.clone(),
            Node::Block(entries) if entries.is_empty() => "{}".to_owned(),
            Node::Block(entries) => {
                let entries: Vec<String> = entries
                    .iter()
                    .map(|(key, value)| format!("{key}: {}", value.flat()))
                    .collect();
                format!("{{ {} }}", entries.join(", "))
            }
            Node::List(items) => {
                let items: Vec<String> = items.iter().map(Node::flat).collect();
                if self.holds_blocks() {
                    format!("[ {} ]", items.join(", "))
                } else {
                    format!("[{}]", items.join(", "))
                }
            }
        }
    }

    fn holds_blocks(&self) -> bool {
        matches!(self, Node::List(items) if items.iter().any(|i| matches!(i, Node::Block(_))))
    }

    /// The value at `indent` levels, starting `used` columns into its line, with `tail`
    /// characters after it on its last line (`,`).
    pub(crate) fn render(&self, indent: usize, used: usize, tail: usize) -> String {
        let flat = self.flat();
        if used + flat.len() + tail <= WIDTH {
            return flat;
        }
        match self {
            Node::Atom(_) => flat,
            Node::Block(entries) if entries.is_empty() => flat,
            Node::Block(entries) => self::entries(entries, indent),
            Node::List(items) => match items.as_slice() {
                [] => flat,
                [only @ Node::Block(_)] => {
                    format!("[ {} ]", only.render(indent, used + 2, tail + 2))
                }
                items => {
                    let mut out = "[\n".to_owned();
                    for item in items {
                        let at = (indent + 1) * 4;
                        out.push_str(&pad(indent + 1));
                        out.push_str(&item.render(indent + 1, at, 1));
                        out.push_str(",\n");
                    }
                    out.push_str(&pad(indent));
                    out.push(']');
                    out
                }
            },
        }
    }
}

/// `{`, one entry a line at `indent + 1` levels, and `}` at `indent` levels.
pub(crate) fn entries(entries: &[(String, Node)], indent: usize) -> String {
    let mut out = "{\n".to_owned();
    for (key, value) in entries {
        let at = (indent + 1) * 4 + key.len() + 2;
        out.push_str(&pad(indent + 1));
        out.push_str(&format!("{key}: {},\n", value.render(indent + 1, at, 1)));
    }
    out.push_str(&pad(indent));
    out.push('}');
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn atom(text: &str) -> Node {
        Node::Atom(text.to_owned())
    }

    #[test]
    fn short_blocks_and_lists_stay_on_one_line() {
        let node = Node::List(vec![Node::Block(vec![
            ("name".to_owned(), atom("\"logs\"")),
            ("emptyDir".to_owned(), Node::Block(Vec::new())),
        ])]);
        assert_eq!(
            node.render(1, 4, 1),
            r#"[ { name: "logs", emptyDir: {} } ]"#
        );
        let list = Node::List(vec![atom("\"sh\""), atom("\"-c\"")]);
        assert_eq!(list.render(0, 0, 0), r#"["sh", "-c"]"#);
    }

    #[test]
    fn a_long_list_of_one_block_opens_on_the_key_line() {
        let long = atom(&format!("\"{}\"", "x".repeat(90)));
        let node = Node::List(vec![Node::Block(vec![
            ("name".to_owned(), atom("\"app\"")),
            ("image".to_owned(), long.clone()),
        ])]);
        let text = node.render(1, 16, 1);
        assert_eq!(
            text,
            format!(
                "[ {{\n        name: \"app\",\n        image: {},\n    }} ]",
                long.flat()
            )
        );
    }

    #[test]
    fn a_long_list_of_several_items_takes_a_line_each() {
        let long = atom(&format!("\"{}\"", "y".repeat(60)));
        let node = Node::List(vec![long.clone(), long.clone()]);
        let text = node.render(0, 10, 1);
        assert_eq!(text, format!("[\n    {0},\n    {0},\n]", long.flat()));
    }
}
