//! A YAML reader that keeps source positions and refuses hostile documents.
//!
//! serde_yaml turns a document into typed structs but forgets where each value came from and stops
//! at the first problem. Editors need every problem with a line and column, so each file is first
//! read into a [`Node`] tree by saphyr's event parser. The tree locates any value by its JSON
//! pointer (the same paths the schema validator reports) and converts to JSON for that validator.
//!
//! The reader is deliberately strict: one document per file, no anchors or aliases (the "billion
//! laughs" bomb needs them), no duplicate keys, only text keys, and at most [`MAX_DEPTH`] levels
//! of nesting, so that no input can make it run long or allocate without bound.

use saphyr_parser::{Event, Parser, ScalarStyle, Span};
use serde_json::{Map, Number, Value};

use crate::messages;

/// Deepest nesting of lists and mappings accepted; real Steckbriefe use five levels at most.
pub const MAX_DEPTH: usize = 32;

/// A position in a source file, 1-based, counted in characters.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub struct Position {
    pub line: usize,
    pub column: usize,
}

impl Position {
    fn from_span(span: &Span) -> Self {
        Position {
            line: span.start.line(),
            column: span.start.col() + 1,
        }
    }
}

/// One value of the document with the position where it starts.
#[derive(Debug)]
pub struct Node {
    pub position: Position,
    pub kind: NodeKind,
}

/// The shape of a [`Node`].
#[derive(Debug)]
pub enum NodeKind {
    /// A scalar with its text and whether it was quoted (quoted scalars are always text).
    Scalar {
        text: String,
        quoted: bool,
    },
    Sequence(Vec<Node>),
    /// Keys keep their own positions so that "unknown field" points at the key itself.
    Mapping(Vec<(Key, Node)>),
}

/// A mapping key and where it stands.
#[derive(Debug)]
pub struct Key {
    pub name: String,
    pub position: Position,
}

/// Why a document could not be read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SyntaxError {
    pub position: Position,
    pub message: String,
    pub hint: Option<String>,
}

impl SyntaxError {
    fn new(position: Position, message: String, hint: String) -> Self {
        SyntaxError {
            position,
            message,
            hint: Some(hint),
        }
    }
}

/// Parses one YAML document. An empty document yields `None`.
pub fn parse(text: &str) -> Result<Option<Node>, SyntaxError> {
    let mut builder = Builder::default();
    for event in Parser::new_from_str(text) {
        let (event, span) = event.map_err(|error| {
            let marker = error.marker();
            let position = Position {
                line: marker.line(),
                column: marker.col() + 1,
            };
            // The parser blames the indentation of whatever follows a quote left open; the
            // editor needs to hear about the quote.
            let quote = text
                .lines()
                .nth(position.line.saturating_sub(1))
                .and_then(|line| line.chars().nth(marker.col()))
                .filter(|c| matches!(c, '"' | '\''));
            match quote {
                Some(quote) if error.info().contains("quoted scalar") => SyntaxError {
                    position,
                    message: messages::unclosed_quote(quote, position.line),
                    hint: Some(messages::unclosed_quote_hint(quote)),
                },
                _ => SyntaxError {
                    position,
                    message: messages::invalid_yaml(error.info()),
                    hint: Some(messages::invalid_yaml_hint()),
                },
            }
        })?;
        if builder.feed(event, &span)? {
            break;
        }
    }
    Ok(builder.root)
}

/// Turns the parser's event stream into a tree, one container per stack entry.
#[derive(Default)]
struct Builder {
    stack: Vec<Open>,
    pending_key: Vec<Option<Key>>,
    root: Option<Node>,
    documents: usize,
}

struct Open {
    position: Position,
    container: Container,
    /// The keys of a mapping so far: finding a duplicate must not take a scan of them all.
    names: std::collections::HashSet<String>,
}

enum Container {
    Sequence(Vec<Node>),
    Mapping(Vec<(Key, Node)>),
}

impl Builder {
    /// Consumes one event; returns true once the stream has ended.
    fn feed(&mut self, event: Event<'_>, span: &Span) -> Result<bool, SyntaxError> {
        let position = Position::from_span(span);
        match event {
            Event::StreamEnd => return Ok(true),
            Event::DocumentStart(_) => {
                self.documents += 1;
                if self.documents > 1 {
                    return Err(SyntaxError::new(
                        position,
                        messages::second_document(),
                        messages::second_document_hint(),
                    ));
                }
            }
            Event::Alias(_) => {
                return Err(SyntaxError::new(
                    position,
                    messages::yaml_alias(),
                    messages::yaml_alias_hint(),
                ));
            }
            Event::Scalar(text, style, anchor, _) => {
                reject_anchor(anchor, position)?;
                let quoted = !matches!(style, ScalarStyle::Plain);
                self.push_value(Node {
                    position,
                    kind: NodeKind::Scalar {
                        text: text.into_owned(),
                        quoted,
                    },
                })?;
            }
            Event::SequenceStart(anchor, _) => {
                reject_anchor(anchor, position)?;
                self.open(position, Container::Sequence(Vec::new()))?;
            }
            Event::MappingStart(anchor, _) => {
                reject_anchor(anchor, position)?;
                self.open(position, Container::Mapping(Vec::new()))?;
            }
            Event::SequenceEnd | Event::MappingEnd => {
                if let Some(open) = self.stack.pop() {
                    self.pending_key.pop();
                    let kind = match open.container {
                        Container::Sequence(items) => NodeKind::Sequence(items),
                        Container::Mapping(entries) => NodeKind::Mapping(entries),
                    };
                    self.push_value(Node {
                        position: open.position,
                        kind,
                    })?;
                }
            }
            Event::Nothing | Event::StreamStart | Event::DocumentEnd => {}
        }
        Ok(false)
    }

    fn open(&mut self, position: Position, container: Container) -> Result<(), SyntaxError> {
        if self.stack.len() >= MAX_DEPTH {
            return Err(SyntaxError::new(
                position,
                messages::nested_too_deep(MAX_DEPTH),
                messages::nested_too_deep_hint(),
            ));
        }
        self.stack.push(Open {
            position,
            container,
            names: std::collections::HashSet::new(),
        });
        self.pending_key.push(None);
        Ok(())
    }

    /// Places a finished value into the innermost open container (or makes it the root).
    fn push_value(&mut self, node: Node) -> Result<(), SyntaxError> {
        let Some(open) = self.stack.last_mut() else {
            self.root = Some(node);
            return Ok(());
        };
        match &mut open.container {
            Container::Sequence(items) => items.push(node),
            Container::Mapping(entries) => {
                let slot = self
                    .pending_key
                    .last_mut()
                    .expect("one pending-key slot per open container");
                match slot.take() {
                    Some(key) => entries.push((key, node)),
                    None => {
                        let NodeKind::Scalar { text, .. } = node.kind else {
                            return Err(SyntaxError::new(
                                node.position,
                                messages::complex_key(),
                                messages::complex_key_hint(),
                            ));
                        };
                        if !open.names.insert(text.clone()) {
                            return Err(SyntaxError::new(
                                node.position,
                                messages::duplicate_key(&text),
                                messages::duplicate_key_hint(),
                            ));
                        }
                        *slot = Some(Key {
                            name: text,
                            position: node.position,
                        });
                    }
                }
            }
        }
        Ok(())
    }
}

fn reject_anchor(anchor: usize, position: Position) -> Result<(), SyntaxError> {
    if anchor == 0 {
        return Ok(());
    }
    Err(SyntaxError::new(
        position,
        messages::yaml_anchor(),
        messages::yaml_anchor_hint(),
    ))
}

impl Node {
    /// The node a JSON pointer (`/contacts/0/phone`) leads to, if any.
    pub fn at(&self, pointer: &str) -> Option<&Node> {
        pointer_segments(pointer).try_fold(self, |node, segment| node.child(&segment))
    }

    /// The position of the key that holds the value at `pointer`, or of the value itself for list
    /// items and the root. Messages about a field read best pointing at the field's name.
    pub fn key_position(&self, pointer: &str) -> Option<Position> {
        let segments: Vec<String> = pointer_segments(pointer).collect();
        let Some((last, parents)) = segments.split_last() else {
            return Some(self.position);
        };
        let parent = parents
            .iter()
            .try_fold(self, |node, segment| node.child(segment))?;
        match &parent.kind {
            NodeKind::Mapping(entries) => entries
                .iter()
                .find(|(key, _)| &key.name == last)
                .map(|(key, _)| key.position),
            _ => parent.child(last).map(|node| node.position),
        }
    }

    /// The key of a mapping entry, with its position.
    pub fn key(&self, name: &str) -> Option<&Key> {
        match &self.kind {
            NodeKind::Mapping(entries) => entries
                .iter()
                .find(|(key, _)| key.name == name)
                .map(|(key, _)| key),
            _ => None,
        }
    }

    fn child(&self, segment: &str) -> Option<&Node> {
        match &self.kind {
            NodeKind::Mapping(entries) => entries
                .iter()
                .find(|(key, _)| key.name == segment)
                .map(|(_, node)| node),
            NodeKind::Sequence(items) => segment.parse::<usize>().ok().and_then(|i| items.get(i)),
            NodeKind::Scalar { .. } => None,
        }
    }

    /// Converts to JSON, resolving plain scalars by the YAML 1.2 core schema as serde_yaml does.
    pub fn to_json(&self) -> Value {
        match &self.kind {
            NodeKind::Scalar { text, quoted } => {
                if *quoted {
                    Value::String(text.clone())
                } else {
                    resolve_plain_scalar(text)
                }
            }
            NodeKind::Sequence(items) => Value::Array(items.iter().map(Node::to_json).collect()),
            NodeKind::Mapping(entries) => Value::Object(
                entries
                    .iter()
                    .map(|(key, node)| (key.name.clone(), node.to_json()))
                    .collect::<Map<_, _>>(),
            ),
        }
    }
}

/// Splits a JSON pointer into its unescaped segments.
pub fn pointer_segments(pointer: &str) -> impl Iterator<Item = String> + '_ {
    pointer
        .split('/')
        .skip(1)
        .map(|segment| segment.replace("~1", "/").replace("~0", "~"))
}

fn resolve_plain_scalar(text: &str) -> Value {
    match text {
        "" | "~" | "null" | "Null" | "NULL" => return Value::Null,
        "true" | "True" | "TRUE" => return Value::Bool(true),
        "false" | "False" | "FALSE" => return Value::Bool(false),
        _ => {}
    }
    let looks_numeric = text
        .bytes()
        .all(|b| b.is_ascii_digit() || matches!(b, b'-' | b'+' | b'.' | b'e' | b'E'))
        && text.bytes().any(|b| b.is_ascii_digit());
    if looks_numeric {
        if let Ok(integer) = text.parse::<i64>() {
            return Value::Number(integer.into());
        }
        if let Some(number) = text.parse::<f64>().ok().and_then(Number::from_f64) {
            return Value::Number(number);
        }
    }
    Value::String(text.to_owned())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn error_of(text: &str) -> SyntaxError {
        parse(text).expect_err("document should be rejected")
    }

    #[test]
    fn keeps_positions_of_keys_and_values() {
        let root = parse("name: A\ncontacts:\n  - phone: 123\n")
            .unwrap()
            .unwrap();
        assert_eq!(
            root.key_position("/contacts/0/phone"),
            Some(Position { line: 3, column: 5 })
        );
        assert_eq!(
            root.at("/contacts/0/phone").unwrap().position,
            Position {
                line: 3,
                column: 12
            }
        );
    }

    #[test]
    fn resolves_scalars_like_yaml_core_schema() {
        let root = parse("a: 66663\nb: \"66663\"\nc: yes\nd: true\ne: 1.5\nf:\ng: 08:30\n")
            .unwrap()
            .unwrap();
        assert_eq!(
            root.to_json(),
            serde_json::json!({"a": 66663, "b": "66663", "c": "yes", "d": true, "e": 1.5, "f": null, "g": "08:30"})
        );
    }

    #[test]
    fn rejects_aliases_and_anchors() {
        assert!(error_of("a: &x [1]\nb: *x\n").message.contains("anchors"));
        assert!(
            error_of("a: [1]\nb: *x\n")
                .message
                .contains("not valid YAML")
        );
    }

    #[test]
    fn rejects_duplicate_keys_at_the_second_key() {
        let error = error_of("name: A\nsummary: B\nname: C\n");
        assert_eq!(error.position, Position { line: 3, column: 1 });
        assert!(error.message.contains("`name` appears twice"));
    }

    #[test]
    fn rejects_deep_nesting_without_recursing() {
        let block: String = (0..10_000)
            .map(|i| format!("{}k:\n", " ".repeat(i)))
            .collect();
        assert!(error_of(&block).message.contains("nested more than"));
        // Flow nesting trips the parser's own limit first.
        let flow = format!("{}{}", "[".repeat(10_000), "]".repeat(10_000));
        assert!(error_of(&flow).message.contains("not valid YAML"));
    }

    #[test]
    fn an_unclosed_quote_is_explained_as_such() {
        for (text, quote, line) in [
            ("name: \"Jobcenter\nsummary: Hilfe\n", '"', 1),
            (
                "name: A\nsummary: 'Hilfe\n  bei der Arbeit\ndescription: x\n",
                '\'',
                2,
            ),
        ] {
            let error = error_of(text);
            assert_eq!(
                error.message,
                format!("the quote {quote} on line {line} is never closed"),
                "{text}"
            );
            assert_eq!(error.position.line, line);
        }
    }

    #[test]
    fn rejects_second_document() {
        assert!(
            error_of("a: 1\n---\nb: 2\n")
                .message
                .contains("second YAML document")
        );
    }

    #[test]
    fn empty_document_is_none() {
        assert!(parse("# only a comment\n").unwrap().is_none());
    }
}
