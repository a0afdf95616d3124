package lang

import (
	"sync"

	"github.com/alecthomas/participle/v2"
	"github.com/alecthomas/participle/v2/lexer"
)

// This file holds participle's grammar: one struct per production. These
// structs never leave the package; convert.go turns them into the syntax
// tree. Expressions, rates, amounts and types are parsed by the
// hand-written functions in exprparse.go (registered with ParseTypeWith).
//
// The grammar follows GRAMMAR.draft.md, factored so that alternatives part
// company within a token or two: a clause body is NAME followed by a
// modality (a permission, prohibition or obligation) or by `pays`, and a
// payment is told from a share by what follows its amount.

type gFile struct {
	Decls []*gDecl `parser:"@@*"`
}

type gDecl struct {
	Agreement *gAgreement `parser:"  @@"`
	Amendment *gAmendment `parser:"| @@"`
}

type gAgreement struct {
	Pos   lexer.Position
	Head  *gAgreementHead `parser:"@@"`
	Items []*gItem        `parser:"@@*"`
	Close lexer.Token     `parser:"@'}'"`
}

type gAgreementHead struct {
	ID    lexer.Token `parser:"'agreement' @Ident"`
	Title lexer.Token `parser:"@String '{'"`
}

type gAmendment struct {
	Pos   lexer.Position
	Head  *gAmendmentHead `parser:"@@"`
	Items []*gItem        `parser:"@@*"`
	Close lexer.Token     `parser:"@'}'"`
}

type gAmendmentHead struct {
	ID    lexer.Token `parser:"'amendment' @Ident"`
	Title lexer.Token `parser:"@String"`
	Base  lexer.Token `parser:"'amends' @Ident '{'"`
}

// gHead is the opening of a declaration, used to rebuild a partial tree
// after a syntax error.
type gHead struct {
	Pos       lexer.Position
	Agreement *gAgreementHead `parser:"  @@"`
	Amendment *gAmendmentHead `parser:"| @@"`
}

// gInput is one REPL entry made of items.
type gInput struct {
	Items []*gItem `parser:"@@*"`
}

type gItem struct {
	Effective *gEffective    `parser:"  @@"`
	Ends      *gEnds         `parser:"| @@"`
	Currency  *gCurrency     `parser:"| @@"`
	Rounding  *gRounding     `parser:"| @@"`
	Default   *gDefault      `parser:"| @@"`
	Fiscal    *gFiscalYear   `parser:"| @@"`
	Contract  *gContractYear `parser:"| @@"`
	Calendar  *gCalendar     `parser:"| @@"`
	TimeZone  *gTimeZone     `parser:"| @@"`
	Party     *gParty        `parser:"| @@"`
	Kind      *gKind         `parser:"| @@"`
	Schema    *gSchema       `parser:"| @@"`
	Term      *gTerm         `parser:"| @@"`
	Clause    *gClause       `parser:"| @@"`
	Replace   *gReplace      `parser:"| @@"`
	Delete    *gDelete       `parser:"| @@"`
	Test      *gTest         `parser:"| @@"`
	Exception *gException    `parser:"| @@"`
	Requires  *gRequires     `parser:"| @@"` // misplaced: reported when converting
}

type gEffective struct {
	Pos   lexer.Position
	Date  lexer.Token  `parser:"'effective' @Date"`
	Prose *lexer.Token `parser:"@String?"`
}

type gEnds struct {
	Pos   lexer.Position
	Date  lexer.Token  `parser:"'ends' @Date"`
	Prose *lexer.Token `parser:"@String?"`
}

type gCurrency struct {
	Pos   lexer.Position
	Code  lexer.Token  `parser:"'currency' @Ident"`
	Prose *lexer.Token `parser:"@String?"`
}

type gRounding struct {
	Pos   lexer.Position
	Mode  lexer.Token  `parser:"'rounding' @(Ident | 'up')"`
	Unit  lexer.Token  `parser:"'to' @(Decimal | Int)"`
	Prose *lexer.Token `parser:"@String?"`
}

type gDefault struct {
	Pos       lexer.Position
	Permitted bool         `parser:"'default' ( @'permitted'"`
	Forbidden bool         `parser:"| @'prohibited' )"`
	Prose     *lexer.Token `parser:"@String?"`
}

type gFiscalYear struct {
	Pos   lexer.Position
	Month lexer.Token  `parser:"'fiscal' 'year' 'starts' @Ident"`
	Prose *lexer.Token `parser:"@String?"`
}

// gContractYear is `contract year starts DATE` (SPEC 11.5); `contract`
// is a word with a fixed spelling, not a reserved word.
type gContractYear struct {
	Pos   lexer.Position
	Date  lexer.Token  `parser:"'contract' 'year' 'starts' @Date"`
	Prose *lexer.Token `parser:"@String?"`
}

// gCalendar is a business-day calendar (SPEC 11.6); `calendar`,
// `weekends` and `holidays` are words with a fixed spelling.
//
// `calendar NAME from "FILE"` loads holidays from a file the agreement
// names; a block may follow it (SPEC 11.6).
type gCalendar struct {
	Pos     lexer.Position
	Name    lexer.Token  `parser:"'calendar' @Ident"`
	From    *lexer.Token `parser:"( 'from' @String )?"`
	Open    *lexer.Token `parser:"( @'{'"`
	Entries []*gCalEntry `parser:"@@*"`
	Close   *lexer.Token `parser:"@'}' )?"`
}

// gTimeZone is `time zone NAME` (SPEC 11.7); `time` and `zone` are words
// with a fixed spelling. NAME is the run of tokens an IANA name or a
// fixed offset lexes as (Europe/Paris, America/Port-au-Prince, Etc/GMT+5,
// UTC+01:00); convert.go joins them and refuses spaces between them.
type gTimeZone struct {
	Pos   lexer.Position
	First lexer.Token  `parser:"'time' 'zone' @Ident"`
	Rest  []*gZonePart `parser:"@@*"`
	Prose *lexer.Token `parser:"@String?"`
}

type gZonePart struct {
	Sep  lexer.Token `parser:"@( '/' | '-' | '+' | ':' )"`
	Word lexer.Token `parser:"@( Ident | Int )"`
}

type gCalEntry struct {
	Pos      lexer.Position
	Weekends []*gName `parser:"  'weekends' @@ ( ',' @@ )*"`
	Holidays []*gDate `parser:"| 'holidays' @@ ( ','? @@ )*"`
}

type gParty struct {
	Pos  lexer.Position
	ID   lexer.Token `parser:"'party' @Ident"`
	Name lexer.Token `parser:"@String"`
}

type gKind struct {
	Pos     lexer.Position
	Name    lexer.Token `parser:"'kind' @Ident '='"`
	Members []*gName    `parser:"@@ ( '|' @@ )*"`
}

type gName struct {
	Pos  lexer.Position
	Name string `parser:"@Ident"`
}

type gSchema struct {
	Pos      lexer.Position
	Event    bool         `parser:"( 'action' | @'event' )"`
	Name     lexer.Token  `parser:"@Ident '{'"`
	Fields   []*gField    `parser:"@@*"`
	Requires []*gRequires `parser:"@@*"`
	Close    lexer.Token  `parser:"@'}'"`
}

type gField struct {
	Pos  lexer.Position
	Name lexer.Token `parser:"@Ident"`
	Type typeSyntax  `parser:"@@"`
	Item *gItemType  `parser:"@@?"` // SPEC 4.5.1
}

type gTerm struct {
	Pos      lexer.Position
	Name     lexer.Token  `parser:"'term' @Ident"`
	Params   *gParams     `parser:"@@?"`
	Body     Expr         `parser:"'=' @@"`
	Requires []*gRequires `parser:"@@*"`
	Prose    *lexer.Token `parser:"@String?"`
}

type gParams struct {
	Pos  lexer.Position
	List []*gParam `parser:"'(' ( @@ ( ',' @@ )* )? ')'"`
}

type gParam struct {
	Pos  lexer.Position
	Name lexer.Token `parser:"@Ident"`
	Type typeSyntax  `parser:"@@"`
}

type gReplace struct {
	Pos    lexer.Position
	Term   *gTerm   `parser:"'replace' ( @@"`
	Clause *gClause `parser:"| @@ )"`
}

type gDelete struct {
	Pos lexer.Position
	Num *gClauseNo `parser:"'delete' 'clause' @@"`
}

type gClauseNo struct {
	Pos lexer.Position
	Num string `parser:"@(Int | Decimal | ClauseNum | Ident)"`
}

type gClause struct {
	Pos             lexer.Position
	Num             *gClauseNo   `parser:"'clause' @@"`
	Title           lexer.Token  `parser:"@String"`
	Notwithstanding []*gClauseNo `parser:"( 'notwithstanding' @@ ( ',' @@ )* )?"`
	SubjectTo       []*gClauseNo `parser:"( 'subject' 'to' @@ ( ',' @@ )* )?"`
	Survives        *lexer.Token `parser:"( @'survives' 'termination' )?"`
	Prose           *lexer.Token `parser:"@String?"`
	Requires        []*gRequires `parser:"@@*"`
	Split           *gSplitDecl  `parser:"( @@"`
	Joint           *gJoint      `parser:"| @@"`
	AutoTerm        *gAutoTerm   `parser:"| @@"`
	Body            *gBody       `parser:"| @@ )"`
}

// gBody is NAME (modality ACTION ... | pays PAYEE ...).
type gBody struct {
	Pos       lexer.Position
	Party     lexer.Token `parser:"@Ident"`
	Terminate *gTerminate `parser:"( @@"` // before Deontic: `may terminate on|if`
	Deontic   *gDeontic   `parser:"| @@"`
	Pays      *gPays      `parser:"| 'pays' @@ )"`
}

type gDeontic struct {
	Pos    lexer.Position
	May    bool        `parser:"( @'may'"`
	Must   bool        `parser:"| @'must'"`
	Not    bool        `parser:"  @'not'? )"`
	Action lexer.Token `parser:"@Ident"`
	Where  Expr        `parser:"( 'where' @@ )?"`
	Bounds []*gBound   `parser:"@@*"`
}

type gBound struct {
	Pos  lexer.Position
	Kind string      `parser:"@('from' | 'until' | 'by')"`
	Date lexer.Token `parser:"@Date"`
}

// gPays is what follows `PAYER pays`: the payee, then a share written as a
// block (`of each ACTION: lines`), a tiered inline share, or an amount and
// what it is paid on.
type gPays struct {
	Pos    lexer.Position
	Payee  *gPayee       `parser:"@@"`
	Block  *gShareBlock  `parser:"( @@"`
	Tiered *gTieredShare `parser:"| @@"`
	Amount amountSyntax  `parser:"| @@"`
	Tail   *gPayTail     `parser:"  @@ )"`
	Mods   []*gMod       `parser:"( ','? @@ )*"`
}

type gShareBlock struct {
	Pos   lexer.Position
	Head  *gShareHead   `parser:"'of' 'each' @@ ':'"`
	Lines []*gShareLine `parser:"@@+"`
}

type gShareHead struct {
	Pos       lexer.Position
	Permitted *lexer.Token `parser:"@'permitted'?"`
	Action    lexer.Token  `parser:"@Ident"`
	Whether   *gWhether    `parser:"@@?"`
	By        *lexer.Token `parser:"( 'by' @Ident )?"`
	Where     Expr         `parser:"( 'where' @@ )?"`
}

type gShareLine struct {
	Pos       lexer.Position
	Rate      *gRate       `parser:"@@"`
	Base      lineExpr     `parser:"'of' @@"`
	Where     lineExpr     `parser:"( 'where' @@"`
	Otherwise bool         `parser:"| @'otherwise'"`
	Breach    *gLineBreach `parser:"| @@ )?"` // SPEC 5.6
}

type gRate struct {
	Pos   lexer.Position
	Tiers *gTiers  `parser:"  @@"`
	Flat  rateExpr `parser:"| @@"`
}

type gTieredShare struct {
	Pos   lexer.Position
	Tiers *gTiers     `parser:"@@"`
	Base  Expr        `parser:"'of' @@"`
	Head  *gShareHead `parser:"'of' 'each' @@"`
}

type gPayTail struct {
	Pos   lexer.Position
	Share *gShareHead    `parser:"  'of' 'each' @@"`
	On    *gOn           `parser:"| 'on' @@"`
	Inst  *gInstallments `parser:"| 'in' @@"`
}

type gOn struct {
	Pos    lexer.Position
	Breach *gOnBreach `parser:"  @@"`
	Event  *gOnEvent  `parser:"| @@"`
	Dates  []*gDate   `parser:"| @@ ( ',' @@ )*"`
}

type gOnEvent struct {
	Pos   lexer.Position
	First bool        `parser:"( 'each' | @'first' )"`
	Event lexer.Token `parser:"@Ident"`
	Where Expr        `parser:"( 'where' @@ )?"`
}

type gDate struct {
	Pos  lexer.Position
	Text string `parser:"@Date"`
}

type gInstallments struct {
	Pos   lexer.Position
	Count lexer.Token `parser:"@Int 'equal'"`
	Every *gAdverb    `parser:"@@ 'installments'"`
	From  lexer.Token `parser:"'from' @Date"`
}

// gMod is a modifier of a payment or share clause. Which modifiers a clause
// may have is checked when converting.
type gMod struct {
	Pos       lexer.Position
	Settled   *gAdverb    `parser:"  'settled' @@"`
	Due       *gDue       `parser:"| @@"`
	Limit     *gLimit     `parser:"| @@"`
	Guarantee *gGuarantee `parser:"| @@"`
	Recoup    Expr        `parser:"| 'recouping' @@"`
	Late      *gLate      `parser:"| @@"`
	Adjust    *gAdjust    `parser:"| @@"`
}

// gAdjust is `adjusted to the [modified] following|preceding business day
// [in CALENDAR]` (SPEC 11.6).
type gAdjust struct {
	Pos      lexer.Position
	Modified bool         `parser:"'adjusted' 'to' 'the' @'modified'?"`
	Rule     string       `parser:"@('following' | 'preceding') 'business' 'day'"`
	Calendar *lexer.Token `parser:"( 'in' @Ident )?"`
}

// gBusinessDays is `N business days [in CALENDAR]` in a `due`.
type gBusinessDays struct {
	Pos      lexer.Position
	Count    lexer.Token  `parser:"@Int 'business' ( 'days' | 'day' )"`
	Calendar *lexer.Token `parser:"( 'in' @Ident )?"`
}

type gDue struct {
	Pos       lexer.Position
	Within    *lexer.Token   `parser:"'due' ( 'within' ( @Duration"`
	WithinBiz *gBusinessDays `parser:"| @@ )"`
	Anchor    *gDueAnchor    `parser:"@@?"`
	After     *lexer.Token   `parser:"| ( @Duration"`
	AfterBiz  *gBusinessDays `parser:"| @@ ) 'after' 'period' 'end' )"`
}

// gDueAnchor is what `due within` counts from, written out (SPEC 6.1):
// `after the payment date`, `after each installment date`, `after the
// EVENT`. `installment` and `date` are words with a fixed spelling.
type gDueAnchor struct {
	Pos  lexer.Position
	Each bool         `parser:"'after' ( @'each' 'installment' 'date'"`
	Name *lexer.Token `parser:"| 'the' @Ident"`
	Date bool         `parser:"@'date'? )"`
}

type gLimit struct {
	Pos    lexer.Position
	Least  bool   `parser:"'at' ( 'most' | @'least' )"`
	Amount Expr   `parser:"@@"`
	Per    *gUnit `parser:"( 'per' @@"`
	Over   bool   `parser:"| @'over' 'the' 'term' )"`
}

type gGuarantee struct {
	Pos    lexer.Position
	Amount Expr   `parser:"'minimum' 'guarantee' @@"`
	Per    *gUnit `parser:"'per' @@"`
}

type gLate struct {
	Pos     lexer.Position
	Penalty bool         `parser:"'late' ( 'interest' | @'penalty' )"`
	Amount  Expr         `parser:"@@"`
	Periods *gDelayCount `parser:"'per' @@?"`
	Per     *gUnit       `parser:"@@"`
	Basis   *gDayBasis   `parser:"@@?"`
	From    *gDelayFrom  `parser:"@@?"`
	Cap     Expr         `parser:"( 'capped' 'at' @@ )?"`
}

// gDelayCount is `started` or `whole` before a late charge's unit.
type gDelayCount struct {
	Pos  lexer.Position
	Word string `parser:"@('started' | 'whole')"`
}

// gDayBasis is `counted daily (BASIS)`; which bases exist is checked when
// converting.
type gDayBasis struct {
	Pos   lexer.Position
	Left  lexer.Token `parser:"'counted' 'daily' '(' @(Ident | Int)"`
	Right lexer.Token `parser:"'/' @(Ident | Int) ')'"`
}

// gDelayFrom is `from the due date` or `from the day after the due date`.
type gDelayFrom struct {
	Pos      lexer.Position
	DayAfter bool `parser:"'from' 'the' ( @'day' 'after' 'the' )? 'due' 'date'"`
}

// gUnit is a period noun: [fiscal] day|week|month|quarter|year|half-year,
// or contract year.
type gUnit struct {
	Pos      lexer.Position
	Fiscal   bool   `parser:"@'fiscal'?"`
	Unit     string `parser:"( @('day' | 'week' | 'month' | 'quarter' | 'year')"`
	Half     bool   `parser:"| @'half' '-' 'year'"`
	Contract bool   `parser:"| @'contract' 'year' )"`
}

// gAdverb is a period adverb: [fiscal] monthly|quarterly|yearly|annually|
// semi-annually (semi-annual before `installments`), or per|each contract
// year.
type gAdverb struct {
	Pos      lexer.Position
	Fiscal   bool         `parser:"@'fiscal'?"`
	Word     string       `parser:"( @('monthly' | 'quarterly' | 'yearly' | 'annually')"`
	Semi     *lexer.Token `parser:"| 'semi' '-' @('annually' | 'annual')"`
	Contract *lexer.Token `parser:"| @('per' | 'each') 'contract' 'year' )"`
}

type gTiers struct {
	Pos        lexer.Position
	Whole      bool        `parser:"( 'marginal' | @'whole' ) 'tiers'"`
	Reset      *gAdverb    `parser:"( 'reset' @@"`
	Cumulative bool        `parser:"| @'cumulative' )?"`
	Tiers      []*gTier    `parser:"'{' @@+"`
	Close      lexer.Token `parser:"@'}'"`
}

type gTier struct {
	Pos    lexer.Position
	ByBand *gTierBand `parser:"  @@"`
	Rate   Expr       `parser:"| @@"`
	UpTo   lineExpr   `parser:"  ( 'up' 'to' @@"`
	Above  bool       `parser:"  | @'above' )"`
}

type gPayee struct {
	Pos       lexer.Position
	Split     *gSplit      `parser:"  @@"`
	Waterfall *gWaterfall  `parser:"| @@"`
	Party     *lexer.Token `parser:"| @Ident"`
}

type gSplit struct {
	Pos  lexer.Position
	Body *gSplitBody `parser:"'split' @@"`
}

type gWaterfall struct {
	Pos   lexer.Position
	Steps []*gStep    `parser:"'waterfall' '{' @@+"`
	Close lexer.Token `parser:"@'}'"`
}

type gStep struct {
	Pos   lexer.Position
	Split *gSplit      `parser:"( @@"`
	Party *lexer.Token `parser:"| @Ident )"`
	UpTo  Expr         `parser:"( 'up' 'to' @@"`
	Rest  bool         `parser:"| @'rest' )"`
}

type gTest struct {
	Pos   lexer.Position
	Name  lexer.Token  `parser:"'test' @String '{'"`
	Stmts []*gTestStmt `parser:"@@*"`
	Close lexer.Token  `parser:"@'}'"`
}

type gTestStmt struct {
	Pos    lexer.Position
	AsOf   *lexer.Token  `parser:"  'as' 'of' @Date"`
	Given  *gGiven       `parser:"| @@"`
	Pays   *gExpectPays  `parser:"| @@"`
	Owes   *gExpectOwes  `parser:"| @@"`
	Unmet  *gExpectUnmet `parser:"| @@"`
	Expect *gExpect      `parser:"| @@"`
}

type gGiven struct {
	Pos   lexer.Position
	Name  lexer.Token `parser:"'given' @Ident '='"`
	Value Expr        `parser:"@@"`
}

type gExpectPays struct {
	Pos    lexer.Position
	Payer  lexer.Token  `parser:"'expect' @Ident 'pays'"`
	Payee  lexer.Token  `parser:"@Ident"`
	Amount Expr         `parser:"@@"`
	Period Expr         `parser:"'for' @@"`
	Clause *gClauseNo   `parser:"( 'under' @@ )?"`
	Due    *lexer.Token `parser:"( 'due' @Date )?"`
}

type gExpect struct {
	Pos     lexer.Position
	Subject Expr      `parser:"'expect' @@"`
	Verdict *gVerdict `parser:"( 'is' @@"`
	Fails   *gFails   `parser:"| @@ )?"`
}

type gVerdict struct {
	Pos        lexer.Position
	Permitted  bool       `parser:"( @'permitted'"`
	Prohibited bool       `parser:"| @'prohibited'"`
	Conflict   bool       `parser:"| @'conflict'"`
	NotCovered bool       `parser:"| @'not' 'covered' )"`
	Clause     *gClauseNo `parser:"( 'by' @@ )?"`
}

// parserSet holds the participle parsers, built once.
type parserSet struct {
	file  *participle.Parser[gFile]
	input *participle.Parser[gInput]
	item  *participle.Parser[gItem]
	head  *participle.Parser[gHead]
	first *firstSets // readable "expected" lists, from the grammar
}

var (
	parsersOnce sync.Once
	theParsers  *parserSet
)

func parserOptions() []participle.Option {
	return []participle.Option{
		participle.Lexer(pactaLexer),
		participle.UseLookahead(participle.MaxLookahead),
		participle.ParseTypeWith(parseExprTok),
		participle.ParseTypeWith(parseRateTok),
		participle.ParseTypeWith(parseLineExprTok),
		participle.ParseTypeWith(parseAmountTok),
		participle.ParseTypeWith(parseTypeTok),
	}
}

// getParsers builds the parsers on first use. The grammar is fixed, so a
// failure is a programming error caught by every test.
func getParsers() *parserSet {
	parsersOnce.Do(func() {
		ps := &parserSet{
			file:  participle.MustBuild[gFile](parserOptions()...),
			input: participle.MustBuild[gInput](parserOptions()...),
			head:  participle.MustBuild[gHead](parserOptions()...),
		}
		item, err := participle.ParserForProduction[gItem](ps.input)
		if err != nil {
			panic(err)
		}
		ps.item = item
		ps.first = newFirstSets(ps.file.String() + "\n" + ps.input.String())
		theParsers = ps
	})
	return theParsers
}
