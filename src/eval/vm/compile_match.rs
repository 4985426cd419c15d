//! The `match` statement compiled as CPython 3.11's `compile.c` compiles it: the subject stays on
//! the stack while each case's pattern is tried; what a pattern captures waits on the stack
//! (under the values still being matched) and is stored only when the whole pattern matched,
//! then the guard runs. A failed check jumps to a "fail pop" label that pops what the pattern
//! had pushed so far. The compile-time SyntaxErrors (unreachable patterns, repeated names,
//! alternatives binding different names) are CPython's, in its order.

use num_bigint::BigInt;
use num_traits::{ToPrimitive, Zero};

use crate::error::{PyError, PyResult};
use crate::eval::vm::code::Op;
use crate::eval::vm::compile::Compiler;
use crate::syntax::ast::{BinOp, CmpOp, Expr, MatchCase, Pattern, PatternKind, UnaryOp};

/// CPython's `pattern_context`: what the pattern being compiled has on the stack.
struct Pc {
    /// Names captured so far; their values wait on the stack, first capture on top of them.
    stores: Vec<String>,
    /// Whether an irrefutable pattern is allowed here.
    allow_irrefutable: bool,
    /// `fail_pop[n]`: jumps to the label that pops `n` items and fails.
    fail_pop: Vec<Vec<usize>>,
    /// Items above the stores that a failure must pop (subjects still being matched).
    on_top: usize,
    /// The stack depth at `fail_pop[0]` (for `co_stacksize`).
    base: i32,
    /// Where the pattern compiled last starts: CPython's compile-time errors point there
    /// (the compiler's current location, which each pattern sets and none restores).
    loc: usize,
}

impl Pc {
    fn new(allow_irrefutable: bool, base: i32) -> Pc {
        Pc {
            stores: Vec::new(),
            allow_irrefutable,
            fail_pop: Vec::new(),
            on_top: 0,
            base,
            loc: 0,
        }
    }
}

fn is_wildcard(p: &Pattern) -> bool {
    matches!(
        p.kind,
        PatternKind::As {
            pattern: None,
            name: None
        }
    )
}

fn error(msg: impl Into<String>, col: usize) -> PyError {
    PyError::syntax(msg.into(), col)
}

impl<'b> Compiler<'_, 'b> {
    pub(super) fn match_stmt(&mut self, subject: &'b Expr, cases: &'b [MatchCase]) -> PyResult<()> {
        self.expr(subject)?;
        let start = self.unit().depth - 1;
        let n = cases.len();
        let has_default = n > 1 && is_wildcard(&cases[n - 1].pattern);
        let mut ends = Vec::new();
        for (i, m) in cases[..n - has_default as usize].iter().enumerate() {
            let last = i + 1 == n - has_default as usize;
            // the pattern's and the guard's line (CPython's SET_LOC), not the previous body's
            self.unit().line = m.line;
            if !last {
                self.emit(Op::Copy(1));
            }
            let base = self.unit().depth - 1;
            let mut pc = Pc::new(m.guard.is_some() || i + 1 == n, base);
            self.pattern(&m.pattern, &mut pc)?;
            for name in std::mem::take(&mut pc.stores) {
                self.store_name(&name);
            }
            if let Some(g) = &m.guard {
                self.ensure_fail_pop(&mut pc, 0);
                self.expr(g)?;
                let j = self.emit(Op::PopJumpIfFalse(0));
                pc.fail_pop[0].push(j);
            }
            if !last {
                self.emit(Op::Pop);
            }
            self.stmts(&m.body)?;
            ends.push(self.emit(Op::Jump(0)));
            self.emit_fail_pop(&mut pc);
        }
        if has_default {
            // the last case before it consumed the subject (CPython emits a NOP here)
            let m = &cases[n - 1];
            self.unit().line = m.line;
            self.emit(Op::Nop);
            if let Some(g) = &m.guard {
                self.expr(g)?;
                ends.push(self.emit(Op::PopJumpIfFalse(0)));
            }
            self.stmts(&m.body)?;
        }
        let end = self.here();
        for j in ends {
            self.patch(j, end);
        }
        self.unit().depth = start;
        Ok(())
    }

    fn ensure_fail_pop(&mut self, pc: &mut Pc, n: usize) {
        if pc.fail_pop.len() <= n {
            pc.fail_pop.resize(n + 1, Vec::new());
        }
    }

    /// Emits `op` (a conditional or plain jump) to the label popping everything the pattern
    /// has pushed so far.
    fn jump_to_fail_pop(&mut self, pc: &mut Pc, op: Op) {
        let pops = pc.on_top + pc.stores.len();
        self.ensure_fail_pop(pc, pops);
        let j = self.emit(op);
        pc.fail_pop[pops].push(j);
    }

    /// The fail-pop labels: `n` pops falling through to `n - 1` ... down to `fail_pop[0]`.
    fn emit_fail_pop(&mut self, pc: &mut Pc) {
        let labels = std::mem::take(&mut pc.fail_pop);
        if labels.is_empty() {
            return;
        }
        self.unit().depth = pc.base + labels.len() as i32 - 1;
        for (n, sites) in labels.iter().enumerate().rev() {
            let here = self.here();
            for &j in sites {
                self.patch(j, here);
            }
            if n > 0 {
                self.emit(Op::Pop);
            }
        }
    }

    /// Moves the top under `count - 1` items (`SWAP count`, `SWAP count - 1`, ... `SWAP 2`).
    fn rotate(&mut self, mut count: usize) {
        while count > 1 {
            self.emit(Op::Swap(count as u32));
            count -= 1;
        }
    }

    /// Keeps the value on top for storing into `name` when the whole pattern matched (or pops
    /// it for the wildcard).
    fn store_capture(&mut self, name: Option<&String>, pc: &mut Pc) -> PyResult<()> {
        let Some(n) = name else {
            self.emit(Op::Pop);
            return Ok(());
        };
        if n == "__debug__" {
            return Err(error("cannot assign to __debug__", pc.loc));
        }
        if pc.stores.contains(n) {
            return Err(error(
                format!("multiple assignments to name '{n}' in pattern"),
                pc.loc,
            ));
        }
        self.rotate(pc.on_top + pc.stores.len() + 1);
        pc.stores.push(n.clone());
        Ok(())
    }

    /// A sub-pattern: irrefutable ones are fine inside another pattern.
    fn subpattern(&mut self, p: &'b Pattern, pc: &mut Pc) -> PyResult<()> {
        let allow = std::mem::replace(&mut pc.allow_irrefutable, true);
        let r = self.pattern(p, pc);
        pc.allow_irrefutable = allow;
        r
    }

    /// Matches the subject on top, consuming it.
    fn pattern(&mut self, p: &'b Pattern, pc: &mut Pc) -> PyResult<()> {
        pc.loc = p.col;
        match &p.kind {
            PatternKind::Value(e) => {
                if !matches!(e, Expr::Attribute(..)) && !crate::eval::object::consts::is_const(e) {
                    return Err(error(
                        "patterns may only match literals and attribute lookups",
                        p.col,
                    ));
                }
                self.expr(e)?;
                self.emit(Op::Compare(CmpOp::Eq));
                self.jump_to_fail_pop(pc, Op::PopJumpIfFalse(0));
            }
            PatternKind::Singleton(e) => {
                self.load_const(e);
                self.emit(Op::Compare(CmpOp::Is));
                self.jump_to_fail_pop(pc, Op::PopJumpIfFalse(0));
            }
            PatternKind::As {
                pattern: None,
                name,
            } => {
                if !pc.allow_irrefutable {
                    return Err(match name {
                        Some(n) => error(
                            format!("name capture '{n}' makes remaining patterns unreachable"),
                            p.col,
                        ),
                        None => error("wildcard makes remaining patterns unreachable", p.col),
                    });
                }
                self.store_capture(name.as_ref(), pc)?;
            }
            PatternKind::As {
                pattern: Some(inner),
                name,
            } => {
                pc.on_top += 1;
                self.emit(Op::Copy(1));
                self.pattern(inner, pc)?;
                pc.on_top -= 1;
                self.store_capture(name.as_ref(), pc)?;
            }
            PatternKind::Star(name) => self.store_capture(name.as_ref(), pc)?,
            PatternKind::Sequence(ps) => self.sequence_pattern(ps, pc)?,
            PatternKind::Mapping {
                keys,
                patterns,
                rest,
            } => self.mapping_pattern(keys, patterns, rest.as_ref(), pc)?,
            PatternKind::Class {
                cls,
                patterns,
                kwd_attrs,
                kwd_patterns,
            } => self.class_pattern(cls, patterns, kwd_attrs, kwd_patterns, pc)?,
            PatternKind::Or(alts) => self.or_pattern(alts, pc)?,
        }
        Ok(())
    }

    fn sequence_pattern(&mut self, ps: &'b [Pattern], pc: &mut Pc) -> PyResult<()> {
        let size = ps.len();
        let mut star = None;
        let mut only_wildcard = true;
        let mut star_wildcard = false;
        for (i, p) in ps.iter().enumerate() {
            if let PatternKind::Star(name) = &p.kind {
                if star.is_some() {
                    return Err(error("multiple starred names in sequence pattern", pc.loc));
                }
                star = Some(i);
                star_wildcard = name.is_none();
                only_wildcard &= star_wildcard;
                continue;
            }
            only_wildcard &= is_wildcard(p);
        }
        pc.on_top += 1;
        self.emit(Op::MatchSequence);
        self.jump_to_fail_pop(pc, Op::PopJumpIfFalse(0));
        match star {
            None => {
                self.emit(Op::GetLen);
                self.load_const(&Expr::Int(BigInt::from(size)));
                self.emit(Op::Compare(CmpOp::Eq));
                self.jump_to_fail_pop(pc, Op::PopJumpIfFalse(0));
            }
            Some(_) if size > 1 => {
                self.emit(Op::GetLen);
                self.load_const(&Expr::Int(BigInt::from(size - 1)));
                self.emit(Op::Compare(CmpOp::GtE));
                self.jump_to_fail_pop(pc, Op::PopJumpIfFalse(0));
            }
            Some(_) => {}
        }
        pc.on_top -= 1;
        if only_wildcard {
            self.emit(Op::Pop);
        } else if star_wildcard {
            // the star is `*_`: the other items are read by index (no list for the star)
            let star = star.expect("a star");
            pc.on_top += 1;
            for (i, p) in ps.iter().enumerate() {
                if is_wildcard(p) || i == star {
                    continue;
                }
                self.emit(Op::Copy(1));
                if i < star {
                    self.load_const(&Expr::Int(BigInt::from(i)));
                } else {
                    // the subject may not support negative indices
                    self.emit(Op::GetLen);
                    self.load_const(&Expr::Int(BigInt::from(size - i)));
                    self.emit(Op::Binary(BinOp::Sub));
                }
                self.emit(Op::BinarySubscr);
                self.subpattern(p, pc)?;
            }
            pc.on_top -= 1;
            self.emit(Op::Pop);
        } else {
            match star {
                Some(k) => self.emit(Op::UnpackEx(k as u32, (size - k - 1) as u32)),
                None => self.emit(Op::UnpackSequence(size as u32)),
            };
            pc.on_top += size;
            for p in ps {
                pc.on_top -= 1;
                self.subpattern(p, pc)?;
            }
        }
        Ok(())
    }

    fn mapping_pattern(
        &mut self,
        keys: &'b [Expr],
        patterns: &'b [Pattern],
        rest: Option<&String>,
        pc: &mut Pc,
    ) -> PyResult<()> {
        let size = keys.len();
        pc.on_top += 1;
        self.emit(Op::MatchMapping);
        self.jump_to_fail_pop(pc, Op::PopJumpIfFalse(0));
        if size == 0 && rest.is_none() {
            pc.on_top -= 1;
            self.emit(Op::Pop);
            return Ok(());
        }
        if size > 0 {
            self.emit(Op::GetLen);
            self.load_const(&Expr::Int(BigInt::from(size)));
            self.emit(Op::Compare(CmpOp::GtE));
            self.jump_to_fail_pop(pc, Op::PopJumpIfFalse(0));
        }
        let mut seen: Vec<KeyConst> = Vec::new();
        for k in keys {
            if let Some(c) = key_const(k) {
                if let Some(dup) = seen.iter().find(|s| s.same_key(&c)) {
                    let _ = dup;
                    return Err(error(
                        format!("mapping pattern checks duplicate key ({})", c.repr),
                        pc.loc,
                    ));
                }
                seen.push(c);
            } else if !matches!(k, Expr::Attribute(..)) {
                return Err(error(
                    "mapping pattern keys may only match literals and attribute lookups",
                    pc.loc,
                ));
            }
            self.expr(k)?;
        }
        self.emit(Op::BuildTuple(size as u32));
        self.emit(Op::MatchKeys);
        pc.on_top += 2;
        self.emit(Op::Copy(1));
        self.emit(Op::LoadNone);
        self.emit(Op::Compare(CmpOp::IsNot));
        self.jump_to_fail_pop(pc, Op::PopJumpIfFalse(0));
        self.emit(Op::UnpackSequence(size as u32));
        pc.on_top += size;
        pc.on_top -= 1;
        for p in patterns {
            pc.on_top -= 1;
            self.subpattern(p, pc)?;
        }
        pc.on_top -= 2;
        match rest {
            Some(name) => {
                // rest = dict(subject); del rest[key] for each key
                // (CPython: BUILD_MAP 0, SWAP 3, DICT_UPDATE 2; arrsh's DictUpdate updates
                // the dict right under the mapping, so the keys step aside first)
                self.emit(Op::Swap(2));
                self.emit(Op::BuildMap(0));
                self.emit(Op::Swap(2));
                self.emit(Op::DictUpdate);
                self.emit(Op::Swap(2));
                self.emit(Op::UnpackSequence(size as u32));
                let mut k = size;
                while k > 0 {
                    self.emit(Op::Copy(1 + k as u32));
                    k -= 1;
                    self.emit(Op::Swap(2));
                    self.emit(Op::DeleteSubscr);
                }
                self.store_capture(Some(name), pc)?;
            }
            None => {
                self.emit(Op::Pop);
                self.emit(Op::Pop);
            }
        }
        Ok(())
    }

    fn class_pattern(
        &mut self,
        cls: &'b Expr,
        patterns: &'b [Pattern],
        kwd_attrs: &'b [String],
        kwd_patterns: &'b [Pattern],
        pc: &mut Pc,
    ) -> PyResult<()> {
        for (i, a) in kwd_attrs.iter().enumerate() {
            if a == "__debug__" {
                return Err(error("cannot assign to __debug__", kwd_patterns[i].col));
            }
            if let Some(j) = kwd_attrs[i + 1..].iter().position(|b| b == a) {
                return Err(error(
                    format!("attribute name repeated in class pattern: {a}"),
                    kwd_patterns[i + 1 + j].col,
                ));
            }
        }
        self.expr(cls)?;
        let names = Expr::Tuple(kwd_attrs.iter().map(|a| Expr::Str(a.clone())).collect());
        self.load_const(&names);
        let nargs = patterns.len();
        let total = nargs + kwd_attrs.len();
        self.emit(Op::MatchClass(nargs as u32));
        self.emit(Op::Copy(1));
        self.emit(Op::LoadNone);
        self.emit(Op::Compare(CmpOp::IsNot));
        pc.on_top += 1;
        self.jump_to_fail_pop(pc, Op::PopJumpIfFalse(0));
        self.emit(Op::UnpackSequence(total as u32));
        pc.on_top += total;
        pc.on_top -= 1;
        for p in patterns.iter().chain(kwd_patterns) {
            pc.on_top -= 1;
            if is_wildcard(p) {
                self.emit(Op::Pop);
                continue;
            }
            self.subpattern(p, pc)?;
        }
        Ok(())
    }

    fn or_pattern(&mut self, alts: &'b [Pattern], pc: &mut Pc) -> PyResult<()> {
        let old_stores = std::mem::take(&mut pc.stores);
        let old_fail_pop = std::mem::take(&mut pc.fail_pop);
        let (old_on_top, old_allow, old_base) = (pc.on_top, pc.allow_irrefutable, pc.base);
        let mut control: Option<Vec<String>> = None;
        let mut ends = Vec::new();
        let mut end_depth = 0;
        let size = alts.len();
        for (i, alt) in alts.iter().enumerate() {
            pc.stores = Vec::new();
            pc.allow_irrefutable = i + 1 == size && old_allow;
            pc.fail_pop = Vec::new();
            pc.on_top = 0;
            self.emit(Op::Copy(1));
            pc.base = self.unit().depth - 1;
            self.pattern(alt, pc)?;
            match &control {
                None => control = Some(pc.stores.clone()),
                Some(ctl) if ctl.len() != pc.stores.len() => {
                    return Err(error("alternative patterns bind different names", pc.loc));
                }
                Some(ctl) => {
                    let ctl = ctl.clone();
                    let nstores = ctl.len();
                    for icontrol in (0..nstores).rev() {
                        let name = &ctl[icontrol];
                        let Some(istores) = pc.stores.iter().position(|s| s == name) else {
                            return Err(error("alternative patterns bind different names", pc.loc));
                        };
                        if icontrol != istores {
                            // reorder the stack (and the names) to the first alternative's order
                            let rotations = istores + 1;
                            let rotated: Vec<String> = pc.stores.drain(..rotations).collect();
                            let at = icontrol - istores;
                            for (k, n) in rotated.into_iter().enumerate() {
                                pc.stores.insert(at + k, n);
                            }
                            for _ in 0..rotations {
                                self.rotate(icontrol + 1);
                            }
                        }
                    }
                }
            }
            end_depth = self.unit().depth;
            ends.push(self.emit(Op::Jump(0)));
            self.emit_fail_pop(pc);
        }
        pc.stores = old_stores;
        pc.fail_pop = old_fail_pop;
        pc.on_top = old_on_top;
        pc.allow_irrefutable = old_allow;
        pc.base = old_base;
        // no alternative matched: pop the subject and fail
        self.emit(Op::Pop);
        self.jump_to_fail_pop(pc, Op::Jump(0));
        let end = self.here();
        for j in ends {
            self.patch(j, end);
        }
        self.unit().depth = end_depth;
        let control = control.expect("an or-pattern has alternatives");
        let nstores = control.len();
        let nrots = nstores + 1 + pc.on_top + pc.stores.len();
        for name in control {
            self.rotate(nrots);
            if pc.stores.contains(&name) {
                return Err(error(
                    format!("multiple assignments to name '{name}' in pattern"),
                    pc.loc,
                ));
            }
            pc.stores.push(name);
        }
        // the copy of the subject
        self.emit(Op::Pop);
        Ok(())
    }
}

/// A literal mapping key, as far as CPython's duplicate check sees it (equal numbers of any
/// type are one key), and its repr for the message.
struct KeyConst {
    key: Key,
    repr: String,
}

#[derive(PartialEq)]
enum Key {
    Int(BigInt),
    Float(u64),
    Complex(u64, u64),
    Str(String),
    Bytes(Vec<u8>),
    None,
}

impl KeyConst {
    fn same_key(&self, other: &KeyConst) -> bool {
        self.key == other.key
    }
}

/// A number as CPython folds it: (real, imaginary) or an int.
enum Num {
    Int(BigInt),
    Real(f64),
    Complex(f64, f64),
}

fn num_of(e: &Expr) -> Option<Num> {
    Some(match e {
        Expr::Int(i) => Num::Int(i.clone()),
        Expr::Float(x) => Num::Real(*x),
        Expr::Imag(x) => Num::Complex(0.0, *x),
        Expr::Unary(UnaryOp::Neg, x) => match num_of(x)? {
            Num::Int(i) => Num::Int(-i),
            Num::Real(x) => Num::Real(-x),
            Num::Complex(re, im) => Num::Complex(-re, -im),
        },
        Expr::BinOp(a, op, b) if matches!(op, BinOp::Add | BinOp::Sub) => {
            let re = match num_of(a)? {
                Num::Int(i) => i.to_f64()?,
                Num::Real(x) => x,
                Num::Complex(..) => return None,
            };
            let Num::Complex(_, im) = num_of(b)? else {
                return None;
            };
            Num::Complex(re, if *op == BinOp::Add { im } else { -im })
        }
        _ => return None,
    })
}

fn key_const(e: &Expr) -> Option<KeyConst> {
    use crate::runtime::print::{bytes_repr, python_float_repr, str_repr};
    let real_key = |x: f64| {
        if x.is_finite() && x.fract() == 0.0 {
            Key::Int(BigInt::from(x as i128))
        } else {
            Key::Float(x.to_bits())
        }
    };
    Some(match e {
        Expr::Str(s) => KeyConst {
            key: Key::Str(s.clone()),
            repr: str_repr(s),
        },
        Expr::Bytes(b) => KeyConst {
            key: Key::Bytes(b.clone()),
            repr: bytes_repr(b),
        },
        Expr::None => KeyConst {
            key: Key::None,
            repr: "None".into(),
        },
        Expr::True | Expr::False => {
            let t = matches!(e, Expr::True);
            KeyConst {
                key: Key::Int(BigInt::from(t as u8)),
                repr: if t { "True" } else { "False" }.into(),
            }
        }
        _ => match num_of(e)? {
            Num::Int(i) => KeyConst {
                repr: i.to_string(),
                key: Key::Int(i),
            },
            Num::Real(x) => KeyConst {
                key: real_key(x),
                repr: python_float_repr(x),
            },
            Num::Complex(re, im) => KeyConst {
                key: if im.is_zero() {
                    real_key(re)
                } else {
                    Key::Complex((re + 0.0).to_bits(), im.to_bits())
                },
                repr: crate::eval::text::pyrepr::complex_repr(re, im),
            },
        },
    })
}

#[cfg(test)]
mod tests {
    use crate::eval::vm::compile::compile_stmt;
    use crate::eval::vm::globals::Globals;
    use crate::syntax::parse;

    /// The error compiling a one-statement cell: message and column (cell offset).
    fn compile_error(src: &str) -> Option<(String, usize)> {
        let cell = parse(src).expect("parses");
        let mut globals = Globals::default();
        compile_stmt(&cell.stmts[0], false, &mut globals)
            .err()
            .map(|e| (e.msg.clone(), e.col.expect("a column")))
    }

    /// Each row: a `match` CPython 3.11 refuses when compiling, its message and column
    /// (CPython's offset minus one, counted in the cell), then the neighbour it accepts.
    #[test]
    fn compile_errors_as_cpython_gives_them() {
        let h = "match x:\n case ";
        let cases: &[(&str, &str, usize, &str)] = &[
            (
                "y:\n  pass\n case 1: pass",
                "name capture 'y' makes remaining patterns unreachable",
                6,
                "y if y:\n  pass\n case 1: pass",
            ),
            (
                "1 | _:\n  pass\n case 1: pass",
                "wildcard makes remaining patterns unreachable",
                10,
                "1 | 2:\n  pass\n case _: pass",
            ),
            (
                "[x, x]: pass",
                "multiple assignments to name 'x' in pattern",
                10,
                "[x, y]: pass",
            ),
            (
                "[x] as x: pass",
                "multiple assignments to name 'x' in pattern",
                7,
                "[x] as y: pass",
            ),
            (
                "[a, 1] | [1, b]: pass",
                "alternative patterns bind different names",
                19,
                "[a, 1] | [1, a]: pass",
            ),
            (
                "[a, *b, *c]: pass",
                "multiple starred names in sequence pattern",
                6,
                "[a, *b, c]: pass",
            ),
            (
                "{True: a, 1.0: b}: pass",
                "mapping pattern checks duplicate key (1.0)",
                6,
                "{True: a, 2.0: b}: pass",
            ),
            (
                "int(real=a, real=b): pass",
                "attribute name repeated in class pattern: real",
                23,
                "int(real=a, imag=b): pass",
            ),
            (
                "T(__debug__=1): pass",
                "cannot assign to __debug__",
                18,
                "T(debug=1): pass",
            ),
            (
                "f'{x}': pass",
                "patterns may only match literals and attribute lookups",
                6,
                "'{x}': pass",
            ),
        ];
        for (bad, msg, col, good) in cases {
            let bad = format!("{h}{bad}");
            let want = Some((msg.to_string(), h.len() + col - 6));
            assert_eq!(compile_error(&bad), want, "{bad:?}");
            let good = format!("{h}{good}");
            assert_eq!(compile_error(&good), None, "{good:?}");
        }
    }
}
