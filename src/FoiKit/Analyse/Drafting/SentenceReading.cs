using FoiKit.Model;
using FoiKit.Text;

namespace FoiKit.Analyse.Drafting;

internal sealed partial class ClaimDrafter
{
    private enum QuantityKind
    {
        /// <summary>A number of things the request counts ("513 alleged offences", "no charges").</summary>
        Count,
        /// <summary>A number with no noun, read as a count like the figure before it ("This rose to 63").</summary>
        Bare,
        /// <summary>A rise or fall ("73%", "48 per cent", "doubled").</summary>
        Growth,
        /// <summary>A part of a whole ("30% of", "around one third of").</summary>
        Share,
    }

    /// <summary>A figure found in a sentence, before it becomes a claim.</summary>
    private sealed class Quantity
    {
        public QuantityKind Kind { get; init; }
        /// <summary>The value's pieces, qualifier included.</summary>
        public int From { get; init; }
        public int To { get; init; }
        /// <summary>Where the figure is, for ordering and for finding its period and force.</summary>
        public int Anchor { get; init; }
        public string Printed { get; init; } = "";
        public string Value { get; init; } = "";
        public WordingTolerance? Qualifier { get; init; }
        /// <summary>The count noun ("offences"), or -1.</summary>
        public int Noun { get; init; } = -1;
        public List<string> Notes { get; } = [];
        /// <summary>For a share: where what it is a share of is named.</summary>
        public int OfAt { get; init; } = -1;
    }

    /// <summary>A statement that is not one figure: rising, most common, a period high, a majority share.</summary>
    private sealed record Statement(string Kind, int Anchor, string Words, string Value, string Note);

    /// <summary>Reads one sentence: its numbers, what each is, and the claims they make.</summary>
    private sealed class SentenceReading(ClaimDrafter drafter, Sentence s, ArticleState state)
    {
        private readonly IReadOnlyList<Piece> _p = s.Pieces;
        private readonly List<Quantity> _quantities = [];
        private readonly List<Statement> _statements = [];
        private readonly Dictionary<PeriodPhrase, List<Pending>> _periodUsers = [];
        private List<PeriodPhrase> _periods = [];
        private List<Mention> _mentions = [];
        private int[] _clause = [];
        private string?[] _hazard = [];

        public List<Pending> Claims { get; } = [];

        public List<(string Printed, string Where, Pending? Claim, string Reason)> Fates { get; } = [];

        private string Where => s.Opening();

        public void Read()
        {
            _hazard = new string?[_p.Count];
            var excluded = new HashSet<int>();
            for (var k = 0; k < _p.Count; k++)
            {
                if (_p[k].Kind != PieceKind.Number) continue;
                _hazard[k] = NumberHazards.Why(_p, k);
                if (_hazard[k] is { } h && h != "a date") excluded.Add(k);
            }
            _periods = PeriodPhrases.Find(s, drafter.Context(state.PreviousYear), excluded);
            _mentions = SubjectMentions.Find(s, drafter._reference.Forces);
            _clause = Clauses();
            FindQuantities();
            FindStatements();
            BuildClaims();
            PeriodFates();
            foreach (var m in _mentions.Where(m => m.Kind == MentionKind.Force)) state.LastForce = m.Force;
        }

        // ---- clauses ----

        private int[] Clauses()
        {
            var clause = new int[_p.Count];
            var c = 0;
            for (var k = 0; k < _p.Count; k++)
            {
                var piece = _p[k];
                if (piece.Kind == PieceKind.Mark && piece.Text is "," or ";" or ":" or "(" or ")" or "\u2013" or "\u2014") c++;
                else if (piece.Kind == PieceKind.Word && ClauseWords.Contains(piece.Lower) && !(piece.Lower == "as" && k + 1 < _p.Count && _p[k + 1].IsWord("well"))
                    && !(piece.Lower == "as" && k > 0 && _p[k - 1].IsWord("well"))) c++;
                clause[k] = c;
            }
            return clause;
        }

        private string ClauseText(int clause)
        {
            var ks = Enumerable.Range(0, _p.Count).Where(k => _clause[k] == clause).ToList();
            return ks.Count == 0 ? "" : s.Span(ks[0], ks[^1]);
        }

        private bool ClauseHasSubject(int clause) => Enumerable.Range(0, _p.Count).Any(k => _clause[k] == clause && _p[k].IsWordIn(SubjectWords));

        private bool SentenceHasSubject => _p.Any(x => x.IsWordIn(SubjectWords));

        private PeriodPhrase? PeriodAt(int k) => _periods.FirstOrDefault(x => x.Contains(k));

        // ---- figures ----

        private void FindQuantities()
        {
            var tokens = _p.Select(x => x.AsToken()).ToList();
            for (var k = 0; k < _p.Count; k++)
            {
                var piece = _p[k];
                if (PeriodAt(k) is not null) continue;
                if (piece.Kind == PieceKind.Number)
                {
                    if (_hazard[k] is { } why)
                    {
                        Fates.Add((piece.Text, Where, null, why));
                        continue;
                    }
                    k = Number(k, k, piece.Text, inWords: false);
                    continue;
                }
                if (piece.Kind != PieceKind.Word) continue;
                if (Multiples.Contains(piece.Lower))
                {
                    k = Multiple(k);
                    continue;
                }
                if (Fraction(k, out var fractionEnd))
                {
                    k = Share(k, fractionEnd, s.Span(k, fractionEnd));
                    continue;
                }
                if (piece.Lower is "no" && NounAfter(k + 1, out var zeroNoun))
                {
                    AddCount(k, k, k, piece.Text, piece.Text, null, zeroNoun);
                    k = zeroNoun;
                    continue;
                }
                if (piece.Lower is "dozens" or "hundreds" or "thousands" && k + 1 < _p.Count && _p[k + 1].IsWord("of") && NounAfter(k + 2, out var pluralNoun))
                {
                    AddCount(k, k, k, piece.Text, piece.Text, null, pluralNoun);
                    k = pluralNoun;
                    continue;
                }
                if (piece.Lower != "a" && NumberWords.TryRead(WordsFrom(tokens, k, out var map), 0, out _, out var used) && used > 0)
                {
                    var last = map[used - 1];
                    k = Number(k, last, s.Span(k, last), inWords: true);
                }
            }
        }

        /// <summary>The word tokens from a piece on, hyphens between words dropped ("twenty-two"), with the piece each came from.</summary>
        private List<Token> WordsFrom(List<Token> tokens, int from, out List<int> map)
        {
            var list = new List<Token>();
            map = [];
            for (var k = from; k < _p.Count && list.Count < 8; k++)
            {
                if (_p[k].IsMark("-") && k > from && _p[k - 1].Kind == PieceKind.Word && k + 1 < _p.Count && _p[k + 1].Kind == PieceKind.Word) continue;
                if (_p[k].Kind != PieceKind.Word) break;
                list.Add(tokens[k]);
                map.Add(k);
            }
            return list;
        }

        /// <summary>A figure in digits or words from <paramref name="a"/> to <paramref name="b"/>; returns the last piece it used.</summary>
        private int Number(int a, int b, string printed, bool inWords)
        {
            if (inWords && NumberHazards.Why(_p, b) is { } wordHazard)
            {
                Fates.Add((printed, Where, null, wordHazard));
                return b;
            }
            var (qualifier, qa) = QualifierBefore(a);
            var after = b + 1;
            var percent = false;
            if (At(after) is { } pc && pc.IsMark("%")) { percent = true; after++; }
            else if (WordAt(after, "per") && WordAt(after + 1, "cent")) { percent = true; after += 2; }
            else if (WordAt(after, "percent") || WordAt(after, "pc")) { percent = true; after++; }

            var from = qualifier is null ? a : qa;
            if (percent) return Percent(from, a, b, after, printed, qualifier);

            // "three times", "ten-fold": a multiple.
            var t = after;
            if (At(t) is { } dash && dash.IsMark("-")) t++;
            if (WordAt(t, "times") || WordAt(t, "fold"))
            {
                if (WordAt(t + 1, "as") || WordAt(t, "fold") || ClauseHasRise(_clause[b]))
                    return AddGrowth(from, t, a, s.Span(from, t), printed, qualifier, falling: false);
            }

            // A qualifier after the figure: "50 or more", "300 or so", "50-plus", "50+".
            var to = b;
            if (qualifier is null)
            {
                foreach (var row in WordingTolerances.Qualifiers)
                {
                    foreach (var suffix in row.Suffixes)
                    {
                        var words = suffix.Split(' ');
                        var k = after;
                        if (k < _p.Count && _p[k].IsMark("-") && words[0] == "plus") k++;
                        if (suffix == "+" && At(after) is { } plus && plus.IsMark("+")) { qualifier = row; to = after; after++; break; }
                        if (words.Select((w, i) => WordAt(k + i, w)).All(x => x) && words.Length > 0 && suffix != "+")
                        {
                            qualifier = row;
                            to = k + words.Length - 1;
                            after = to + 1;
                            break;
                        }
                    }
                    if (to != b) break;
                }
            }
            var value = s.Span(from, to);

            // "98 of them": as many of the figure before it.
            if (WordAt(after, "of") && At(after + 1) is { Kind: PieceKind.Word } pronoun && pronoun.Lower is "them" or "those" or "these" && !_p[a].InQuote)
            {
                var part = new Quantity { Kind = QuantityKind.Bare, From = from, To = to, Anchor = a, Printed = printed, Value = value, Qualifier = qualifier };
                part.Notes.Add($"'{printed} of {pronoun.Text}': read as a count like the figure before it");
                _quantities.Add(part);
                return after + 1;
            }
            // "five of the offences".
            if (WordAt(after, "of") && NounAfter(after + 1, out var ofNoun))
            {
                AddCount(from, to, a, printed, value, qualifier, ofNoun);
                return Math.Max(to, b);
            }
            if (NounAfter(after, out var noun))
            {
                if (inWords && _p[a].Lower == "one" && !_p[noun].Lower.EndsWith('s'))
                {
                    Fates.Add((printed, Where, null, $"'{printed} {_p[noun].Text}': one example, not a figure"));
                    return b;
                }
                AddCount(from, to, a, printed, value, qualifier, noun);
                return Math.Max(to, b);
            }
            if (_p[a].InQuote)
            {
                Fates.Add((printed, Where, null, "in a quote (reported speech), and not a count of what the request asked about"));
                return b;
            }
            var next = FirstWordAfter(after);
            if (next is { } word && !Stops.Contains(word.Lower) && PeriodAt(_p.ToList().IndexOf(word)) is null)
            {
                Fates.Add((printed, Where, null, $"counts '{word.Text}', not what the request asked about"));
                return b;
            }
            if (inWords)
            {
                Fates.Add((printed, Where, null, "a number in words that counts nothing the request asked about"));
                return b;
            }
            // A bare number: "This rose to 63 the following year", "71 in 2021, 66 the following year".
            var riseTo = (WordAt(from - 1, "to") || WordAt(from - 1, "from")) && from >= 2 && RiseWordNear(from - 2);
            var listed = _quantities.Any(q => q.Kind == QuantityKind.Count);
            if (riseTo || listed || (SentenceHasSubject && !_p[a].IsYear))
            {
                var q = new Quantity { Kind = QuantityKind.Bare, From = from, To = to, Anchor = a, Printed = printed, Value = value, Qualifier = qualifier };
                q.Notes.Add("no noun after the figure: read as a count like the figure before it");
                _quantities.Add(q);
                return to;
            }
            Fates.Add((printed, Where, null, _p[a].IsYear ? "a year, not one of the request's periods" : "a number with nothing to say what it counts"));
            return b;
        }

        private Piece? At(int k) => k >= 0 && k < _p.Count ? _p[k] : null;

        private bool WordAt(int k, string w) => At(k) is { } x && x.IsWord(w);

        private Piece? FirstWordAfter(int k)
        {
            for (; k < _p.Count; k++)
            {
                if (_p[k].Kind == PieceKind.Word) return _p[k];
                if (_p[k].Kind == PieceKind.Number) return null;
                if (_p[k].Text is "," or "." or ";" or ":" or "(" or ")") return null;
            }
            return null;
        }

        /// <summary>A count noun after a figure, past at most four words that describe it ("alleged rape offences", "‘other sexual offences’").</summary>
        private bool NounAfter(int k, out int noun)
        {
            noun = -1;
            var words = 0;
            if (WordAt(k, "the") || WordAt(k, "those") || WordAt(k, "these") || WordAt(k, "its")) k++;
            for (; k < _p.Count; k++)
            {
                var piece = _p[k];
                if (piece.Kind == PieceKind.Mark)
                {
                    if (piece.Text is "-" or "\u2018" or "\u2019" or "'" or "\u201c" or "\u201d" or "\"" or "/") continue;
                    return false;
                }
                if (piece.Kind == PieceKind.Number) return false;
                if (piece.IsWordIn(SubjectNouns))
                {
                    noun = k;
                    return true;
                }
                if (Stops.Contains(piece.Lower) || ++words > 4) return false;
            }
            return false;
        }

        /// <summary>A qualifier from the tolerance table just before a figure ("more than", "nearly", "around").</summary>
        private (WordingTolerance? Row, int From) QualifierBefore(int a)
        {
            foreach (var (row, words) in WordingTolerances.Qualifiers.SelectMany(q => q.Prefixes.Select(w => (q, w))).OrderByDescending(x => x.w.Length))
            {
                var ws = words.Split(' ');
                var start = a - ws.Length;
                if (start < 0) continue;
                if (ws.Select((w, i) => _p[start + i].IsWord(w)).All(x => x)) return (row, start);
            }
            return (null, a);
        }

        private bool ClauseHasRise(int clause) => ClaimWording.ReadRise(ClauseText(clause)).Kind != RiseKind.None;

        private bool RiseWordNear(int k)
        {
            for (var i = Math.Max(0, k - 2); i <= k; i++)
                if (ClaimWording.ReadRise(_p[i].Text).Kind != RiseKind.None || _p[i].Lower is "up" or "down") return true;
            return false;
        }

        private int Percent(int from, int a, int b, int after, string printed, WordingTolerance? qualifier)
        {
            var number = s.Span(from, b);
            if (WordAt(after, "of"))
            {
                if (ShareOfSubject(after + 1))
                {
                    var q = new Quantity { Kind = QuantityKind.Share, From = from, To = b, Anchor = a, Printed = printed + "%", Value = number, Qualifier = qualifier, OfAt = after };
                    _quantities.Add(q);
                    return after;
                }
                Fates.Add((printed + "%", Where, null, "a percentage of something other than what the request asked about"));
                return after;
            }
            var rise = ClaimWording.ReadRise(ClauseText(_clause[a]));
            if (rise.Kind == RiseKind.None && !rise.Name.Contains("denied", StringComparison.Ordinal))
            {
                // "a 73% spike", "up 73%": the rise word may sit just outside the clause's commas.
                rise = ClaimWording.ReadRise(s.Text);
            }
            if (rise.Kind != RiseKind.None && (ClauseHasSubject(_clause[a]) || SentenceHasSubject || ClauseHasRise(_clause[a])))
            {
                if (!SentenceHasSubject && !ClauseHasSubject(_clause[a]) && !RiseOfSubject())
                {
                    Fates.Add((printed + "%", Where, null, "a percentage rise of something other than what the request asked about"));
                    return after - 1;
                }
                return AddGrowth(from, b, a, number, printed + "%", qualifier, rise.Falling);
            }
            Fates.Add((printed + "%", Where, null, "a percentage with no rise, fall or share wording"));
            return after - 1;
        }

        /// <summary>"a spike in app crime": "crime" or "offending" anywhere says the rise is of the request's subject.</summary>
        private bool RiseOfSubject() => _p.Any(x => x.IsWord("crime") || x.IsWord("offending"));

        private bool ShareOfSubject(int k)
        {
            if (WordAt(k, "them") || WordAt(k, "those") || WordAt(k, "these") || WordAt(k, "all")) return true;
            return NounAfter(k, out _) || drafter._categories.Find(s, k, Math.Min(_p.Count - 1, k + 6)).Count > 0;
        }

        private int AddGrowth(int from, int to, int anchor, string value, string printed, WordingTolerance? qualifier, bool falling)
        {
            var q = new Quantity
            {
                Kind = QuantityKind.Growth, From = from, To = to, Anchor = anchor, Printed = printed,
                Value = falling ? (value.StartsWith('-') ? value : "-" + value) : value, Qualifier = qualifier,
            };
            if (falling) q.Notes.Add($"a fall, written as a negative rise ({q.Value})");
            _quantities.Add(q);
            return to;
        }

        private int Multiple(int k)
        {
            var (qualifier, qa) = QualifierBefore(k);
            var from = qualifier is null ? k : qa;
            if (!(ClauseHasSubject(_clause[k]) || SentenceHasSubject || RiseOfSubject()))
            {
                Fates.Add((_p[k].Text, Where, null, "a multiple of something other than what the request asked about"));
                return k;
            }
            var to = k;
            var value = s.Span(from, to);
            if (!ValueWording.Read(value, ValueScale.Growth).Ok) value = _p[k].Text;
            return AddGrowth(from, to, k, value, _p[k].Text, qualifier, falling: _p[k].Lower is "halved");
        }

        /// <summary>"a third", "one third", "two thirds", "half", "one in five", with "of" after (or "half the").</summary>
        private bool Fraction(int k, out int end)
        {
            end = k;
            var i = k;
            if (_p[i].Lower is "half")
            {
                end = i;
                return WordAt(i + 1, "of") || WordAt(i + 1, "the");
            }
            if (!(_p[i].Lower is "a" or "an" or "one" or "two" or "three" or "four" || _p[i].Kind == PieceKind.Number)) return false;
            if (At(i + 1) is { } part && part.IsWordIn(FractionParts) && WordAt(i + 2, "of"))
            {
                end = i + 1;
                return ValueWording.Read(s.Span(k, end), ValueScale.Share).Ok;
            }
            if (WordAt(i + 1, "in") && At(i + 2) is { } m && (m.Kind == PieceKind.Number || NumberWords.IsNumberWord(m.Lower)))
            {
                end = i + 2;
                return ValueWording.Read(s.Span(k, end), ValueScale.Share).Ok;
            }
            return false;
        }

        private int Share(int k, int end, string printed)
        {
            var (qualifier, qa) = QualifierBefore(k);
            var from = qualifier is null ? k : qa;
            var ofAt = WordAt(end + 1, "of") ? end + 1 : end;
            if (!ShareOfSubject(ofAt + 1) && !(WordAt(end + 1, "the") && NounAfter(end + 1, out _)))
            {
                Fates.Add((printed, Where, null, "a share of something other than what the request asked about"));
                return end;
            }
            var value = s.Span(from, end);
            _quantities.Add(new Quantity { Kind = QuantityKind.Share, From = from, To = end, Anchor = k, Printed = printed, Value = value, Qualifier = qualifier, OfAt = ofAt });
            return end;
        }

        private void AddCount(int from, int to, int anchor, string printed, string value, WordingTolerance? qualifier, int noun)
        {
            var q = new Quantity { Kind = QuantityKind.Count, From = from, To = to, Anchor = anchor, Printed = printed, Value = value, Qualifier = qualifier, Noun = noun };
            if (_p[anchor].InQuote) q.Notes.Add("inside reported speech: check that it is a figure about the request");
            _quantities.Add(q);
        }

        // ---- statements ----

        private void FindStatements()
        {
            if (_p.All(x => x.InQuote)) return;
            // Rising: a clause with rise wording whose rise is not a figure's ("rose by 73%", "rose to 63").
            var clauses = _clause.Distinct().ToList();
            foreach (var c in clauses)
            {
                var pieces = Enumerable.Range(0, _p.Count).Where(k => _clause[k] == c).ToList();
                if (pieces.Count == 0 || pieces.All(k => _p[k].InQuote)) continue;
                if (_quantities.Any(q => q.Kind == QuantityKind.Growth && _clause[q.Anchor] == c)) continue;
                if (_quantities.Any(q => q.Kind == QuantityKind.Bare && _clause[q.Anchor] == c)) continue;
                var text = ClauseText(c);
                var rise = ClaimWording.ReadRise(text);
                if (rise.Kind == RiseKind.None) continue;
                var anchor = FindWords(rise.Words, pieces[0]) is var at && at >= 0 && _clause[at] == c ? at : pieces.FirstOrDefault(k => _p[k].Lower == rise.Words.Split(' ')[0], pieces[0]);
                // "rose to 63": the rise is the figure's.
                if (_quantities.Any(q => _clause[q.Anchor] == c && q.From > anchor && q.From - anchor <= 3)) continue;
                if (!(ClauseHasSubject(c) || RiseOfSubject())) continue;
                if (rise.Falling)
                {
                    Fates.Add((rise.Words, Where, null, "a fall with no figure: the claims contract has no kind for it"));
                    continue;
                }
                _statements.Add(new Statement("rising", anchor, rise.Words, "", rise.Name));
            }

            var most = ClaimWording.ReadMostCommon(s.Text);
            if (most.Kind != MostCommonKind.None && (SentenceHasSubject || _p.Any(x => x.IsWordIn(OutcomeWords)) || drafter._categories.Find(s, 0, _p.Count - 1).Count > 0))
            {
                var anchor = Math.Max(0, FindWords(most.Words, 0));
                switch (most.Kind)
                {
                    case MostCommonKind.Largest:
                        _statements.Add(new Statement("most_common", anchor, most.Words, "", ""));
                        break;
                    case MostCommonKind.Majority:
                        var words = most.Words.EndsWith(" of", StringComparison.Ordinal) ? most.Words[..^3] : most.Words;
                        var end = anchor + words.Split(' ').Length - 1;
                        _statements.Add(new Statement("share", anchor, most.Words, s.Span(anchor, Math.Min(end, _p.Count - 1)), most.Name));
                        break;
                    default:
                        Fates.Add((most.Words, Where, null, most.Name));
                        break;
                }
            }

            var high = ClaimWording.ReadHighest(s.Text);
            if (high.Scope == HighScope.Periods && (SentenceHasSubject || RiseOfSubject()))
            {
                var anchor = Math.Max(0, FindWords(high.Words, 0));
                _statements.Add(new Statement("highest", anchor, high.Words, "", high.Name));
            }
            else if (high.Scope == HighScope.Forces)
            {
                Fates.Add((high.Words, Where, null, high.Name + "; the claims contract has no kind for it (named in the note of the sentence's figures)"));
                _forceComparison = high.Name;
            }
            else if (high.Scope == HighScope.Categories && !_statements.Any(x => x.Kind == "most_common"))
            {
                var anchor = Enumerable.Range(0, _p.Count).FirstOrDefault(k => _p[k].Lower is "highest" or "lowest");
                _statements.Add(new Statement("most_common", anchor, high.Words, "", high.Name));
            }
        }

        private string? _forceComparison;

        /// <summary>Where the words a wording reader named start ("most commonly", "rising … year on year"), from a piece on; -1 when not found.</summary>
        private int FindWords(string words, int from)
        {
            var ws = WordTokens.Of(words.Split('\u2026')[0]).Select(t => t.Text).ToList();
            if (ws.Count == 0) return -1;
            var wordPieces = Enumerable.Range(from, Math.Max(0, _p.Count - from)).Where(k => _p[k].Kind != PieceKind.Mark).ToList();
            for (var i = 0; i + ws.Count <= wordPieces.Count; i++)
                if (ws.Select((w, j) => WordTokens.Of(_p[wordPieces[i + j]].Text).FirstOrDefault().Text == w).All(x => x)) return wordPieces[i];
            return -1;
        }

        // ---- claims ----

        private void BuildClaims()
        {
            var items = _quantities.Select(q => (q.Anchor, (object)q)).Concat(_statements.Select(x => (x.Anchor, (object)x))).OrderBy(x => x.Anchor).ToList();
            var anchors = items.Select(x => x.Anchor).ToList();
            for (var n = 0; n < items.Count; n++)
            {
                var prev = n > 0 ? anchors[n - 1] : -1;
                var next = n + 1 < anchors.Count ? anchors[n + 1] : _p.Count;
                switch (items[n].Item2)
                {
                    case Quantity q:
                        FromQuantity(q, prev, next);
                        break;
                    case Statement st:
                        FromStatement(st, prev, next);
                        break;
                }
            }
        }

        private Pending NewClaim(int anchor, string kind, PeriodPhrase? period, IEnumerable<string> notes)
        {
            var c = new Pending { Kind = kind, Anchor = anchor, Text = s.Text, Period = period?.Printed ?? "" };
            c.Notes.AddRange(notes);
            if (s.Heading) c.Notes.Add("from the headline or a sub-heading");
            if (period is not null)
            {
                if (!_periodUsers.TryGetValue(period, out var users)) _periodUsers[period] = users = [];
                users.Add(c);
            }
            Claims.Add(c);
            return c;
        }

        private void FromQuantity(Quantity q, int prev, int next)
        {
            var period = PeriodFor(q.Anchor, prev, next, everyYear: false);
            var notes = new List<string>(q.Notes);
            string kind;
            var measure = "offences";
            var category = "";
            switch (q.Kind)
            {
                case QuantityKind.Growth:
                    kind = "growth_pct";
                    break;
                case QuantityKind.Share:
                    kind = "share";
                    (category, measure) = CategoryAfterVerb(q.OfAt < 0 ? q.To + 1 : q.OfAt + 1, next, notes);
                    break;
                default:
                    kind = q.Qualifier == WordingTolerances.MoreThan || q.Qualifier == WordingTolerances.AtLeast ? "at_least"
                        : period is { Reading.Ok: true } r && r.Reading.Years.Count > 1 ? "total" : "count";
                    if (q.Kind == QuantityKind.Bare)
                    {
                        if (state.LastFigure is { } lf && !_quantities.Any(x => x.Kind == QuantityKind.Count && x.Anchor < q.Anchor)) (measure, category) = lf;
                        else if (_quantities.LastOrDefault(x => x.Kind == QuantityKind.Count && x.Anchor < q.Anchor) is { } before) (measure, category) = CountCategory(before, next, []);
                    }
                    else
                    {
                        (measure, category) = CountCategory(q, next, notes);
                    }
                    break;
            }
            if (_forceComparison is not null && q.Kind != QuantityKind.Growth) notes.Add($"the sentence also says {_forceComparison}");
            var (force, forceNote) = Subject(q.Anchor);
            if (forceNote.Length > 0) notes.Add(forceNote);
            var c = NewClaim(q.Anchor, kind, period, notes);
            c.Force = force;
            c.Measure = measure;
            c.Category = category;
            c.Value = q.Value;
            Fates.Add((q.Printed, Where, c, ""));
            if (kind is "count" or "at_least" or "total") state.LastFigure = (measure, category);
            if (kind == "count" && category.Length == 0 && period is { Reading.IsSingle: true } single) state.PreviousYear = single.Reading.Years[0];
        }

        private void FromStatement(Statement st, int prev, int next)
        {
            var period = PeriodFor(st.Anchor, prev, next, everyYear: st.Kind == "highest");
            var notes = new List<string>();
            if (st.Note.Length > 0) notes.Add(st.Note);
            var measure = "offences";
            var category = "";
            if (st.Kind == "most_common")
            {
                (category, measure) = MostCommonCategory(st.Anchor, notes);
            }
            else if (st.Kind == "share")
            {
                var after = st.Anchor + st.Words.Split(' ').Length;
                (category, measure) = CategoryAfterVerb(after, next, notes);
            }
            // "Cases in the county and across England and Wales rose": one row for each.
            var subjects = st.Kind == "rising" ? CoordinatedSubjects(st.Anchor) : [];
            if (subjects.Count > 1)
            {
                foreach (var name in subjects)
                {
                    var c = NewClaim(st.Anchor, st.Kind, period, notes.Append($"the sentence says this of {string.Join(" and ", subjects)}: one row each"));
                    c.Force = name;
                    c.Measure = measure;
                    c.Category = category;
                    c.Value = st.Value;
                    Fates.Add((st.Words, Where, c, "a statement"));
                }
                return;
            }
            var (force, forceNote) = Subject(st.Anchor);
            if (forceNote.Length > 0) notes.Add(forceNote);
            var claim = NewClaim(st.Anchor, st.Kind, period, notes);
            claim.Force = force;
            claim.Measure = measure;
            claim.Category = category;
            claim.Value = st.Value;
            Fates.Add((st.Words, Where, claim, "a statement"));
        }

        /// <summary>
        /// A figure's period: a phrase after it before the next figure, else one before it after the figure
        /// before, else the nearest after in its clause (a list sharing a trailing period), else the nearest before
        /// (a sentence's leading period).
        /// </summary>
        private PeriodPhrase? PeriodFor(int anchor, int prev, int next, bool everyYear)
        {
            var usable = _periods.Where(x => !x.IsDate && (everyYear || x.Reading.Form != PeriodForm.EveryYear)).ToList();
            return usable.FirstOrDefault(x => x.From > anchor && x.From < next)
                ?? usable.LastOrDefault(x => x.To < anchor && x.From > prev)
                ?? usable.FirstOrDefault(x => x.From > anchor && _clause[x.From] == _clause[anchor])
                ?? usable.LastOrDefault(x => x.To < anchor);
        }

        private (string Measure, string Category) CountCategory(Quantity q, int next, List<string> notes)
        {
            var nounPiece = q.Noun >= 0 ? _p[q.Noun] : null;
            var regionEnd = Math.Min(next - 1, _p.Count - 1);
            for (var k = q.To + 1; k <= regionEnd; k++)
                if (_p[k].Lower is "while" or "whereas") { regionEnd = k - 1; break; }
            var matches = drafter._categories.Find(s, q.To + 1, regionEnd).Where(m => PeriodAt(m.From) is null).ToList();
            var isCharge = nounPiece is not null && ChargeNouns.Contains(nounPiece.Lower);
            if (matches.FirstOrDefault() is { } m)
            {
                var measure = isCharge || m.IsCharge ? "charges" : m.Measure == Measure.Outcomes ? "outcomes" : "offences";
                return (measure, m.Printed);
            }
            if (isCharge) return ("charges", nounPiece!.Text);
            if (q.Noun < 0) return ("offences", "");
            // Not in the reference lists: a quoted label, an "of …" phrase, or the words before the noun, as printed.
            var label = QuotedLabel(q.Noun + 1, regionEnd) ?? OfPhrase(q.Noun + 1, regionEnd) ?? Describing(q.To + 1, q.Noun);
            if (label is null) return ("offences", "");
            var resolved = drafter._categories.Resolve(label, Measure.Offences);
            if (resolved.Level == CategoryLevel.Unresolved) notes.Add($"'{label}' is not in the kit's offence or outcome lists: check the category");
            return ("offences", label);
        }

        private string? QuotedLabel(int from, int to)
        {
            for (var k = from; k <= to && k < _p.Count; k++)
            {
                if (!(_p[k].Text is "\u2018" or "'" or "\u201c" or "\"") || k + 1 >= _p.Count) continue;
                for (var j = k + 1; j <= to && j < _p.Count && j - k <= 14; j++)
                {
                    if (_p[j].Text is "\u2019" or "'" or "\u201d" or "\"")
                        return j - 1 > k ? s.Span(k + 1, j - 1).TrimEnd('.', ',') : null;
                }
                return null;
            }
            return null;
        }

        private string? OfPhrase(int k, int to)
        {
            if (!WordAt(k, "of")) return null;
            var start = k + 1;
            var end = start - 1;
            for (var j = start; j <= to && j < _p.Count; j++)
            {
                var x = _p[j];
                // "taking, making or distributing …": a comma inside a list of words runs on.
                if (x.IsMark(",") && Enumerable.Range(j + 1, 3).Any(i => WordAt(i, "or") || WordAt(i, "and")) && !Enumerable.Range(j + 1, 3).Any(i => At(i) is { Kind: PieceKind.Mark or PieceKind.Number })) continue;
                if (x.Kind == PieceKind.Mark && x.Text is "," or "." or ";" or ":" or "(") break;
                if (x.Kind == PieceKind.Word && x.Lower is "linked" or "connected" or "related" or "associated" or "were" or "was" or "in" or "this" or "that" or "which"
                    or "recorded" or "logged" or "reported" or "between" or "since" or "during" or "over" or "across" or "last") break;
                if (PeriodAt(j) is not null) break;
                end = j;
            }
            return end >= start ? s.Span(start, end) : null;
        }

        private string? Describing(int from, int noun)
        {
            var words = Enumerable.Range(from, Math.Max(0, noun - from)).Where(k => _p[k].Kind == PieceKind.Word).ToList();
            var first = words.FirstOrDefault(k => !Generic.Contains(_p[k].Lower) && !drafter._keywords.Contains(LabelKey.Of(_p[k].Text)), -1);
            if (first < 0) return null;
            return s.Span(first, noun);
        }

        /// <summary>What a share or majority is of: a listed category after it, or the words after "involved", "were", "related to".</summary>
        private (string Category, string Measure) CategoryAfterVerb(int from, int next, List<string> notes)
        {
            var end = Math.Min(_p.Count - 1, Math.Max(from, next - 1));
            var matches = drafter._categories.Find(s, from, end).Where(m => PeriodAt(m.From) is null).ToList();
            if (matches.FirstOrDefault() is { } m)
                return (m.Printed, m.IsCharge ? "charges" : m.Measure == Measure.Outcomes ? "outcomes" : "offences");
            for (var k = from; k <= end; k++)
            {
                if (!_p[k].IsWordIn(CategoryVerbs)) continue;
                var start = k + 1;
                if (WordAt(start, "to")) start++;
                var stop = start - 1;
                for (var j = start; j <= end; j++)
                {
                    if (_p[j].Kind == PieceKind.Mark && _p[j].Text is "," or "." or ";" or ":" or "(") break;
                    if (PeriodAt(j) is not null) break;
                    stop = j;
                }
                if (stop >= start)
                {
                    var label = s.Span(start, stop);
                    if (drafter._categories.Resolve(label, Measure.Offences).Level == CategoryLevel.Unresolved)
                        notes.Add($"'{label}' is not in the kit's offence or outcome lists: check the category");
                    return (label, "offences");
                }
            }
            notes.Add("no category found after the share: fill it in");
            return ("", "offences");
        }

        private (string Category, string Measure) MostCommonCategory(int anchor, List<string> notes)
        {
            var matches = drafter._categories.Find(s, 0, _p.Count - 1).Where(m => PeriodAt(m.From) is null).ToList();
            var outcomeWords = _p.Any(x => x.IsWordIn(OutcomeWords));
            var pick = matches.Where(m => !outcomeWords || m.Measure == Measure.Outcomes).OrderBy(m => Math.Abs(m.From - anchor)).FirstOrDefault()
                ?? matches.OrderBy(m => Math.Abs(m.From - anchor)).FirstOrDefault();
            if (pick is not null) return (pick.Printed, pick.IsCharge ? "charges" : pick.Measure == Measure.Outcomes ? "outcomes" : "offences");
            var quoted = QuotedLabel(0, _p.Count - 1);
            if (quoted is not null)
            {
                notes.Add($"'{quoted}' is not in the kit's offence or outcome lists: check the category");
                return (quoted, outcomeWords ? "outcomes" : "offences");
            }
            notes.Add("no category found: fill it in");
            return ("", outcomeWords ? "outcomes" : "offences");
        }

        // ---- subjects ----

        private string NameOf(Mention m) => m.Kind switch
        {
            MentionKind.Force => m.Force!.OfficialName,
            MentionKind.National => SubjectMentions.National,
            _ => state.LastForce?.OfficialName ?? drafter._defaultForce,
        };

        /// <summary>The force a figure is about, and a note when the reader was unsure.</summary>
        private (string Force, string Note) Subject(int anchor)
        {
            if (_mentions.Count == 0)
            {
                var note = state.LastForce is { } last && last.OfficialName != drafter._defaultForce
                    ? $"no force is named in the sentence: read as {drafter._defaultForce} (the article's force), though {last.OfficialName} was named last"
                    : "";
                return (drafter._defaultForce, note);
            }
            var names = _mentions.Select(NameOf).Distinct().ToList();
            if (names.Count == 1) return (names[0], "");
            var sameClauseBefore = _mentions.Where(m => m.To < anchor && _clause[m.To] == _clause[anchor]).LastOrDefault();
            var before = _mentions.LastOrDefault(m => m.To < anchor);
            var after = _mentions.FirstOrDefault(m => m.From > anchor);
            var pick = sameClauseBefore ?? before ?? after!;
            var where = pick == after ? "after" : "before";
            return (NameOf(pick), $"the sentence names {string.Join(" and ", names)}: read as {NameOf(pick)}, named nearest {where} the figure; check");
        }

        /// <summary>Subjects joined by "and" before a statement ("in the county and across England and Wales"), when there are two or more.</summary>
        private List<string> CoordinatedSubjects(int anchor)
        {
            var before = _mentions.Where(m => m.To < anchor && _clause[m.To] == _clause[anchor]).ToList();
            if (before.Count < 2) return [];
            for (var i = 1; i < before.Count; i++)
            {
                var between = Enumerable.Range(before[i - 1].To + 1, Math.Max(0, before[i].From - before[i - 1].To - 1)).ToList();
                if (!between.Any(k => _p[k].IsWord("and")) || between.Any(k => _p[k].Kind == PieceKind.Number)) return [];
            }
            return before.Select(NameOf).Distinct().ToList();
        }

        // ---- periods in the explanation ----

        private void PeriodFates()
        {
            foreach (var period in _periods)
            {
                foreach (var printed in NumbersIn(period, s))
                {
                    if (period.IsDate)
                        Fates.Add((printed, Where, null, $"a date ('{period.Printed}')"));
                    else if (_periodUsers.TryGetValue(period, out var users))
                        foreach (var u in users) Fates.Add((printed, Where, u, $"in its period '{period.Printed}'"));
                    else if (!period.Reading.Ok)
                        Fates.Add((printed, Where, null, $"a year or date outside the request's periods ('{period.Printed}'), and no figure of its sentence uses it"));
                    else
                        Fates.Add((printed, Where, null, $"part of the period '{period.Printed}', which no figure of its sentence uses"));
                }
            }
        }
    }

    /// <summary>The numbers of a period phrase as printed: "2023/24" whole, "three", "2021".</summary>
    private static IEnumerable<string> NumbersIn(PeriodPhrase period, Sentence s)
    {
        var p = s.Pieces;
        for (var k = period.From; k <= period.To; k++)
        {
            if (p[k].Kind == PieceKind.Word && NumberWords.IsNumberWord(p[k].Lower))
            {
                yield return p[k].Text;
                continue;
            }
            if (p[k].Kind != PieceKind.Number) continue;
            var end = k;
            while (end + 2 <= period.To && p[end + 1].Text is "/" or "-" && p[end + 2].Kind == PieceKind.Number && p[end + 1].Start == p[end].End && p[end + 2].Start == p[end + 1].End) end += 2;
            yield return s.Span(k, end);
            k = end;
        }
    }

    private PeriodContext Context(FinancialYear? previous) => new(_request.AllYears, _request.RequestedBasis, previous);
}
