//! Expressions: pest pairs → `Expr`. Operators go through one Pratt table; every other chain is a
//! repetition in the grammar, folded here without recursion, and every node's depth is checked.

use std::sync::LazyLock;

use num_bigint::BigInt;
use pest::iterators::Pair;
use pest::pratt_parser::{Assoc, Op, PrattParser};

use super::ast::{BinOp, BoolOp, CmpOp, Expr, UnaryOp};
use super::messages;
use super::parser::{Builder, Ident, MAX_DEPTH, Node, Rule, parse_field};
use super::strings::{self, Literal};
use crate::error::{PyError, PyResult};

/// Operator precedence, lowest first, as in the Python reference ("Operator precedence").
/// Unary minus sits just below `**`, so `-2**2` is `-(2**2)` and `2**-1` is `2**(-1)`;
/// calls, subscripts and attributes bind tightest, so `-a[0]` is `-(a[0])`.
static PRATT: LazyLock<PrattParser<Rule>> = LazyLock::new(|| {
    PrattParser::new()
        .op(Op::infix(Rule::bitor, Assoc::Left))
        .op(Op::infix(Rule::bitxor, Assoc::Left))
        .op(Op::infix(Rule::bitand, Assoc::Left))
        .op(Op::infix(Rule::lshift, Assoc::Left) | Op::infix(Rule::rshift, Assoc::Left))
        .op(Op::infix(Rule::add, Assoc::Left) | Op::infix(Rule::sub, Assoc::Left))
        .op(Op::infix(Rule::mul, Assoc::Left)
            | Op::infix(Rule::matmul, Assoc::Left)
            | Op::infix(Rule::div, Assoc::Left)
            | Op::infix(Rule::floordiv, Assoc::Left)
            | Op::infix(Rule::modulo, Assoc::Left))
        .op(Op::prefix(Rule::neg) | Op::prefix(Rule::pos) | Op::prefix(Rule::invert))
        .op(Op::infix(Rule::pow, Assoc::Right))
        .op(Op::postfix(Rule::call) | Op::postfix(Rule::subscript) | Op::postfix(Rule::attribute))
});

fn binop(r: Rule) -> BinOp {
    match r {
        Rule::bitor => BinOp::BitOr,
        Rule::bitxor => BinOp::BitXor,
        Rule::bitand => BinOp::BitAnd,
        Rule::lshift => BinOp::LShift,
        Rule::rshift => BinOp::RShift,
        Rule::add => BinOp::Add,
        Rule::sub => BinOp::Sub,
        Rule::mul => BinOp::Mul,
        Rule::matmul => BinOp::MatMul,
        Rule::div => BinOp::Div,
        Rule::floordiv => BinOp::FloorDiv,
        Rule::modulo => BinOp::Mod,
        Rule::pow => BinOp::Pow,
        r => unreachable!("infix_op cannot be {r:?}"),
    }
}

fn cmpop(r: Rule) -> CmpOp {
    match r {
        Rule::eq => CmpOp::Eq,
        Rule::ne => CmpOp::NotEq,
        Rule::lt => CmpOp::Lt,
        Rule::le => CmpOp::LtE,
        Rule::gt => CmpOp::Gt,
        Rule::ge => CmpOp::GtE,
        Rule::kw_in => CmpOp::In,
        Rule::not_in => CmpOp::NotIn,
        Rule::kw_is => CmpOp::Is,
        Rule::is_not => CmpOp::IsNot,
        r => unreachable!("comp_op cannot be {r:?}"),
    }
}

/// The expressions of some nodes, and the depth of the deepest.
pub(super) fn unzip(nodes: Vec<Node>) -> (Vec<Expr>, usize) {
    let depth = nodes.iter().map(|n| n.depth).max().unwrap_or(0);
    (nodes.into_iter().map(|n| n.expr).collect(), depth)
}

fn int_literal(text: &str, col: usize) -> PyResult<Expr> {
    let digits = text.replace('_', "");
    let (radix, body) = match digits.get(..2).map(|p| p.to_ascii_lowercase()) {
        Some(p) if p == "0x" => (16, &digits[2..]),
        Some(p) if p == "0o" => (8, &digits[2..]),
        Some(p) if p == "0b" => (2, &digits[2..]),
        _ => (10, &digits[..]),
    };
    if radix == 10
        && let Some(limit) = super::limits::int_max_str_digits()
        && body.len() > limit
    {
        return Err(messages::int_too_long(limit, body.len(), col));
    }
    let value =
        BigInt::parse_bytes(body.as_bytes(), radix).expect("the grammar only lets digits through");
    Ok(Expr::Int(value))
}

fn float_literal(text: &str) -> f64 {
    text.replace('_', "")
        .parse()
        .expect("the grammar only lets float syntax through")
}

impl Builder<'_> {
    /// Builds any expression-like pair.
    pub fn any(&self, p: Pair<Rule>) -> PyResult<Node> {
        match p.as_rule() {
            Rule::star_expressions => self.star_expressions(p),
            Rule::expression => self.expression(p),
            Rule::starred => {
                let inner = p
                    .into_inner()
                    .find(|x| x.as_rule() == Rule::bitwise_or)
                    .expect("starred has a value");
                let n = self.bitwise_or(inner)?;
                Node::over(Expr::Starred(Box::new(n.expr)), n.depth)
            }
            Rule::disjunction => self.disjunction(p),
            Rule::target => self.target_primary(p),
            Rule::named_expression => self.named_expression(p),
            Rule::yield_expr => self.yield_expr(p),
            Rule::bitwise_or => self.bitwise_or(p),
            r => unreachable!("not an expression rule: {r:?}"),
        }
    }

    /// `a, *b, c`: a tuple when there is a comma, else the one expression, which may not be
    /// starred (CPython's compiler: "can't use starred expression here").
    pub fn star_expressions(&self, p: Pair<Rule>) -> PyResult<Node> {
        let mut has_comma = false;
        let mut items = Vec::new();
        let mut starred_col = None;
        for x in p.into_inner() {
            match x.as_rule() {
                Rule::comma => has_comma = true,
                _ => {
                    if x.as_rule() == Rule::starred {
                        starred_col.get_or_insert(self.col(&x));
                    }
                    items.push(self.any(x)?);
                }
            }
        }
        if !has_comma && items.len() == 1 {
            if let Some(col) = starred_col {
                return Err(messages::starred_not_allowed(col));
            }
            return Ok(items.pop().expect("one item"));
        }
        let (exprs, depth) = unzip(items);
        Node::over(Expr::Tuple(exprs), depth)
    }

    /// Lambdas and conditional expressions, folded right to left (see the grammar's `expression`).
    pub fn expression(&self, p: Pair<Rule>) -> PyResult<Node> {
        // Every `if` and every `lambda` nests the result one level deeper: refuse a long chain
        // before building its pieces.
        let nesting = p
            .clone()
            .into_inner()
            .filter(|x| matches!(x.as_rule(), Rule::kw_if | Rule::lambda_head));
        if nesting.count() >= MAX_DEPTH {
            return Err(PyError::recursion_ast_construction());
        }
        let mut heads: Vec<Vec<Pair<Rule>>> = vec![Vec::new()];
        let mut bodies = Vec::new();
        let mut conds = Vec::new();
        let mut in_cond = false;
        for x in p.into_inner() {
            match x.as_rule() {
                Rule::lambda_head => heads.last_mut().expect("a segment").push(x),
                Rule::kw_if => in_cond = true,
                Rule::kw_else => heads.push(Vec::new()),
                Rule::disjunction if in_cond => {
                    conds.push(self.disjunction(x)?);
                    in_cond = false;
                }
                Rule::disjunction => bodies.push(self.disjunction(x)?),
                r => unreachable!("expression cannot hold {r:?}"),
            }
        }
        let last = bodies.pop().expect("an expression has a body");
        let mut acc = self.lambdas(heads.pop().expect("a segment"), last)?;
        while let (Some(then), Some(cond)) = (bodies.pop(), conds.pop()) {
            let depth = then.depth.max(cond.depth).max(acc.depth);
            let e = Expr::IfExp {
                cond: Box::new(cond.expr),
                then: Box::new(then.expr),
                orelse: Box::new(acc.expr),
            };
            acc = self.lambdas(heads.pop().expect("a segment"), Node::over(e, depth)?)?;
        }
        Ok(acc)
    }

    /// Wraps a body in the lambdas written before it, innermost last.
    fn lambdas(&self, heads: Vec<Pair<Rule>>, body: Node) -> PyResult<Node> {
        let mut acc = body;
        for h in heads.into_iter().rev() {
            let params = match h.into_inner().find(|x| x.as_rule() == Rule::lambda_params) {
                Some(ps) => self.params(ps)?,
                None => Default::default(),
            };
            acc = Node::over(
                Expr::Lambda {
                    params: Box::new(params),
                    body: Box::new(acc.expr),
                },
                acc.depth,
            )?;
        }
        Ok(acc)
    }

    /// `name := value`, or a plain expression.
    pub fn named_expression(&self, p: Pair<Rule>) -> PyResult<Node> {
        let mut inner = p.into_inner();
        let first = inner.next().expect("named_expression has a part");
        if first.as_rule() != Rule::name {
            return self.expression(first);
        }
        let value = inner
            .find(|x| matches!(x.as_rule(), Rule::expression | Rule::disjunction))
            .expect("a walrus has a value");
        let v = self.any(value)?;
        Node::over(Expr::NamedExpr(first.ident(), Box::new(v.expr)), v.depth)
    }

    pub fn disjunction(&self, p: Pair<Rule>) -> PyResult<Node> {
        let parts = p.into_inner().filter(|x| x.as_rule() == Rule::conjunction);
        let items = parts
            .map(|x| self.conjunction(x))
            .collect::<PyResult<Vec<_>>>()?;
        bool_op(BoolOp::Or, items)
    }

    fn conjunction(&self, p: Pair<Rule>) -> PyResult<Node> {
        let parts = p.into_inner().filter(|x| x.as_rule() == Rule::inversion);
        let items = parts
            .map(|x| self.inversion(x))
            .collect::<PyResult<Vec<_>>>()?;
        bool_op(BoolOp::And, items)
    }

    fn inversion(&self, p: Pair<Rule>) -> PyResult<Node> {
        let mut nots = 0;
        let mut node = None;
        for x in p.into_inner() {
            match x.as_rule() {
                Rule::kw_not => nots += 1,
                _ => node = Some(self.comparison(x)?),
            }
        }
        if nots >= super::limits::PARSER_STACK_RUN {
            return Err(PyError::parser_stack_overflow());
        }
        if nots >= MAX_DEPTH {
            return Err(PyError::recursion_ast_construction());
        }
        let mut node = node.expect("inversion has a comparison");
        for _ in 0..nots {
            node = Node::over(Expr::Not(Box::new(node.expr)), node.depth)?;
        }
        Ok(node)
    }

    fn comparison(&self, p: Pair<Rule>) -> PyResult<Node> {
        let mut inner = p.into_inner();
        let first = self.bitwise_or(inner.next().expect("comparison has an operand"))?;
        let mut rest = Vec::new();
        let mut depth = first.depth;
        while let Some(op) = inner.next() {
            let rhs = self.bitwise_or(inner.next().expect("an operator has a right operand"))?;
            depth = depth.max(rhs.depth);
            rest.push((cmpop(op.as_rule()), rhs.expr));
        }
        if rest.is_empty() {
            return Ok(first);
        }
        Node::over(Expr::Compare(Box::new(first.expr), rest), depth)
    }

    /// Operators, through the Pratt table.
    pub fn bitwise_or(&self, p: Pair<Rule>) -> PyResult<Node> {
        let pairs = p.into_inner();
        if pairs.len() == 1 {
            return self.atom(pairs.peek().expect("one pair"));
        }
        // pest's Pratt parser recurses once per unary operator and per `**` in a row. Every other
        // operator binds looser than both and ends such a run, and each operator of a run nests
        // the tree one level deeper, so a long run is refused here before it can recurse.
        // CPython's parser spends one frame of its stack per unary operator and two per `**`.
        let (mut run, mut frames) = (0, 0);
        for x in pairs.clone() {
            match x.as_rule() {
                Rule::neg | Rule::pos | Rule::invert => (run, frames) = (run + 1, frames + 1),
                Rule::pow => (run, frames) = (run + 1, frames + 2),
                Rule::call | Rule::subscript | Rule::attribute => {}
                r if PRATT_INFIX.contains(&r) => (run, frames) = (0, 0),
                _ => {}
            }
            if frames >= super::limits::PARSER_STACK_RUN {
                return Err(PyError::parser_stack_overflow());
            }
        }
        if run >= MAX_DEPTH {
            return Err(PyError::recursion_ast_construction());
        }
        // After an error pest's Pratt parser still walks the rest of the operands; `failed` spares
        // building them (the first error, leftmost, is the one returned).
        let failed = std::cell::Cell::new(false);
        let note = |r: PyResult<Node>| {
            failed.set(failed.get() || r.is_err());
            r
        };
        PRATT
            .map_primary(|x| {
                if failed.get() {
                    return Err(PyError::recursion_ast_construction());
                }
                note(self.atom(x))
            })
            .map_prefix(|op, rhs| {
                let rhs = rhs?;
                let op = match op.as_rule() {
                    Rule::neg => UnaryOp::Neg,
                    Rule::pos => UnaryOp::Pos,
                    _ => UnaryOp::Invert,
                };
                note(Node::over(Expr::Unary(op, Box::new(rhs.expr)), rhs.depth))
            })
            .map_postfix(|lhs, op| note(self.postfix(lhs?, op)))
            .map_infix(|lhs, op, rhs| {
                let (lhs, rhs) = (lhs?, rhs?);
                let depth = lhs.depth.max(rhs.depth);
                let e = Expr::BinOp(Box::new(lhs.expr), binop(op.as_rule()), Box::new(rhs.expr));
                note(Node::over(e, depth))
            })
            .parse(pairs)
    }

    /// A loop target: a primary and its trailers.
    pub fn target_primary(&self, p: Pair<Rule>) -> PyResult<Node> {
        let mut inner = p.into_inner();
        let mut node = self.atom(inner.next().expect("target has an atom"))?;
        for op in inner {
            node = self.postfix(node, op)?;
        }
        Ok(node)
    }

    pub fn postfix(&self, lhs: Node, op: Pair<Rule>) -> PyResult<Node> {
        match op.as_rule() {
            Rule::attribute => {
                let name = op
                    .into_inner()
                    .find(|x| x.as_rule() == Rule::name)
                    .expect("attribute has a name");
                Node::over(Expr::Attribute(Box::new(lhs.expr), name.ident()), lhs.depth)
            }
            Rule::subscript => self.subscript(lhs, op),
            Rule::call => self.call(lhs, op),
            r => unreachable!("postfix_op cannot be {r:?}"),
        }
    }

    pub fn atom(&self, p: Pair<Rule>) -> PyResult<Node> {
        Ok(match p.as_rule() {
            Rule::name => Node::leaf(Expr::Name(p.ident())),
            Rule::int => Node::leaf(int_literal(p.as_str(), self.col(&p))?),
            Rule::float => Node::leaf(Expr::Float(float_literal(p.as_str()))),
            Rule::imag => {
                let s = p.as_str();
                Node::leaf(Expr::Imag(float_literal(&s[..s.len() - 1])))
            }
            Rule::kw_none => Node::leaf(Expr::None),
            Rule::kw_true => Node::leaf(Expr::True),
            Rule::kw_false => Node::leaf(Expr::False),
            Rule::ellipsis => Node::leaf(Expr::Ellipsis),
            Rule::strings => return self.strings(p),
            Rule::paren => return self.paren(p),
            Rule::list_display => return self.list_display(p),
            Rule::brace_display => return self.brace_display(p),
            r => unreachable!("atom cannot be {r:?}"),
        })
    }

    fn strings(&self, p: Pair<Rule>) -> PyResult<Node> {
        let lits: Vec<Literal> = p
            .into_inner()
            .map(|s| Literal {
                text: s.as_str(),
                start_col: self.col(&s),
                end_col: self.end_col(&s),
            })
            .collect();
        let (expr, depth) = strings::concat(&lits, &parse_field)?;
        if depth > MAX_DEPTH {
            return Err(PyError::recursion_ast_construction());
        }
        Ok(Node { expr, depth })
    }
}

/// The infix operators of the Pratt table.
const PRATT_INFIX: [Rule; 13] = [
    Rule::bitor,
    Rule::bitxor,
    Rule::bitand,
    Rule::lshift,
    Rule::rshift,
    Rule::add,
    Rule::sub,
    Rule::mul,
    Rule::matmul,
    Rule::div,
    Rule::floordiv,
    Rule::modulo,
    Rule::pow,
];

fn bool_op(op: BoolOp, items: Vec<Node>) -> PyResult<Node> {
    if items.len() == 1 {
        return Ok(items.into_iter().next().expect("one item"));
    }
    let (exprs, depth) = unzip(items);
    Node::over(Expr::BoolOp(op, exprs), depth)
}
