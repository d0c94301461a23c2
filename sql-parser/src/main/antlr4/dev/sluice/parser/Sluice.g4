/*
 * Licensed under the Apache License, Version 2.0.
 *
 * The Sluice SQL dialect: statements, queries, expressions and types compatible with ksqlDB's SQL.
 * Written from scratch; its overall shape (statement / query / booleanExpression / valueExpression /
 * primaryExpression layers, a nonReserved rule) follows the public Apache-2.0 Trino grammar.
 *
 * Conventions:
 *  - Keywords are case-insensitive tokens named after themselves, so that error messages can show them
 *    as 'SELECT' straight from the vocabulary.
 *  - Every keyword that cannot be confused with an identifier where it appears is listed in nonReserved,
 *    so that columns such as KEY, TYPE, TOPIC, SOURCE or WINDOW need no quotes.
 *  - Semantic checks (duplicate WITH properties, value ranges, type names) live in AstBuilder, not here:
 *    the grammar only decides the shape, which keeps the syntax-error messages about syntax.
 */
grammar Sluice;

options { caseInsensitive = true; }

// One statement of a script; SqlParser splits scripts at top-level semicolons before parsing.
singleStatement
    : statement SEMICOLON? EOF
    ;

standaloneExpression
    : expression EOF
    ;

standaloneType
    : type EOF
    ;

statement
    : query                                                                       #queryStatement
    | (LIST | SHOW) listTarget EXTENDED?                                          #listStatement
    | DESCRIBE (STREAMS | TABLES) EXTENDED?                                       #describeAll
    | DESCRIBE FUNCTION identifier                                                #describeFunction
    | DESCRIBE CONNECTOR identifier                                               #describeConnector
    | DESCRIBE (EXTENDED sourceName | sourceName EXTENDED?)                       #describeSource
    | PRINT (identifier | STRING) printClause                                     #printTopic
    | EXPLAIN (statement | identifier)                                            #explain
    | TERMINATE (ALL | identifier)                                                #terminateQuery
    | PAUSE (ALL | identifier)                                                    #pauseQuery
    | RESUME (ALL | identifier)                                                   #resumeQuery
    | SET STRING EQ STRING                                                        #setProperty
    | UNSET STRING                                                                #unsetProperty
    | ALTER SYSTEM STRING EQ STRING                                               #alterSystemProperty
    | DEFINE identifier EQ STRING                                                 #defineVariable
    | UNDEFINE identifier                                                         #undefineVariable
    | CREATE (OR REPLACE)? SOURCE? sourceKind (IF NOT EXISTS)? sourceName
        tableElements? tableProperties?                                           #createSource
    | CREATE (OR REPLACE)? sourceKind (IF NOT EXISTS)? sourceName
        tableProperties? AS query                                                 #createAsSelect
    | CREATE (SOURCE | SINK) CONNECTOR (IF NOT EXISTS)? identifier tableProperties #createConnector
    | CREATE TYPE (IF NOT EXISTS)? identifier AS type                             #createType
    | INSERT INTO sourceName columnList? VALUES valueList                         #insertValues
    | INSERT INTO sourceName tableProperties? query                               #insertInto
    | DROP sourceKind (IF EXISTS)? sourceName (DELETE TOPIC)?                     #dropSource
    | DROP CONNECTOR (IF EXISTS)? identifier                                      #dropConnector
    | DROP TYPE (IF EXISTS)? identifier                                           #dropType
    | ALTER sourceKind sourceName alterOption (COMMA alterOption)*                #alterSource
    | ASSERT (NOT EXISTS)? TOPIC (identifier | STRING) tableProperties? timeoutClause?   #assertTopic
    | ASSERT (NOT EXISTS)? SCHEMA (SUBJECT (identifier | STRING))? (ID INTEGER_VALUE)?
        timeoutClause?                                                            #assertSchema
    | RUN SCRIPT STRING                                                           #runScript
    ;

listTarget
    : STREAMS
    | TABLES
    | QUERIES
    | ALL? TOPICS
    | FUNCTIONS
    | PROPERTIES
    | TYPES
    | VARIABLES
    | (SOURCE | SINK)? CONNECTORS
    | CONNECTOR PLUGINS
    ;

sourceKind
    : STREAM
    | TABLE
    ;

printClause
    : (FROM BEGINNING)? ((INTERVAL | SAMPLE) INTEGER_VALUE)? limitClause?
    ;

timeoutClause
    : TIMEOUT duration
    ;

alterOption
    : ADD COLUMN? identifier type
    ;

columnList
    : LPAREN identifier (COMMA identifier)* RPAREN
    ;

valueList
    : LPAREN (expression (COMMA expression)*)? RPAREN
    ;

tableElements
    : LPAREN tableElement (COMMA tableElement)* RPAREN
    ;

tableElement
    : identifier type columnConstraint?
    ;

columnConstraint
    : PRIMARY KEY                                                                  #primaryKeyConstraint
    | KEY                                                                          #keyConstraint
    | HEADERS                                                                      #headersConstraint
    | HEADER LPAREN STRING RPAREN                                                  #headerConstraint
    ;

tableProperties
    : WITH LPAREN tableProperty (COMMA tableProperty)* RPAREN
    ;

tableProperty
    : (identifier | STRING) EQ propertyValue
    ;

propertyValue
    : STRING
    | (MINUS | PLUS)? number
    | booleanValue
    | NULL
    ;

// ---------------------------------------------------------------- queries

query
    : SELECT selectItem (COMMA selectItem)*
      FROM relation
      (WINDOW windowExpression)?
      (WHERE where=expression)?
      (GROUP BY groupBy=valueExpressionList)?
      (PARTITION BY partitionBy=valueExpressionList)?
      (HAVING having=expression)?
      (EMIT (CHANGES | FINAL))?
      limitClause?
    ;

expressionList
    : expression (COMMA expression)*
    ;

// GROUP BY and PARTITION BY take value expressions, as in ksqlDB: `GROUP BY a AND b` is a syntax error
// (parenthesize a boolean grouping expression).
valueExpressionList
    : valueExpression (COMMA valueExpression)*
    ;

limitClause
    : LIMIT INTEGER_VALUE
    ;

selectItem
    : ASTERISK                                                                     #selectAll
    | identifier DOT ASTERISK                                                      #selectSourceAll
    | primaryExpression ARROW ASTERISK                                             #selectStructAll
    | expression (AS? identifier)?                                                 #selectSingle
    ;

relation
    : aliasedRelation joinClause*
    ;

joinClause
    : joinType JOIN aliasedRelation withinClause? ON expression
    ;

joinType
    : INNER?
    | LEFT OUTER?
    | RIGHT OUTER?
    | FULL OUTER?
    ;

withinClause
    : WITHIN (duration | LPAREN before=duration COMMA after=duration RPAREN) gracePeriod?
    ;

gracePeriod
    : GRACE PERIOD duration
    ;

aliasedRelation
    : sourceName (AS? identifier)?
    ;

windowExpression
    : TUMBLING LPAREN SIZE duration (COMMA windowOption)* RPAREN                    #tumblingWindow
    | HOPPING LPAREN SIZE size=duration COMMA ADVANCE BY advance=duration
        (COMMA windowOption)* RPAREN                                               #hoppingWindow
    | SESSION LPAREN duration (COMMA windowOption)* RPAREN                         #sessionWindow
    ;

windowOption
    : RETENTION duration                                                           #retentionOption
    | gracePeriod                                                                  #graceOption
    ;

duration
    : INTEGER_VALUE timeUnit
    ;

timeUnit
    : MILLISECOND | MILLISECONDS | SECOND | SECONDS | MINUTE | MINUTES
    | HOUR | HOURS | DAY | DAYS
    ;

// ---------------------------------------------------------------- expressions

expression
    : booleanExpression
    ;

booleanExpression
    : valueExpression predicate?                                                   #predicated
    | NOT booleanExpression                                                        #logicalNot
    | left=booleanExpression operator=AND right=booleanExpression                  #logicalBinary
    | left=booleanExpression operator=OR right=booleanExpression                   #logicalBinary
    ;

predicate
    : comparisonOperator right=valueExpression                                     #comparison
    | NOT? BETWEEN lower=valueExpression AND upper=valueExpression                 #between
    | NOT? IN LPAREN expression (COMMA expression)* RPAREN                         #inList
    | NOT? LIKE pattern=valueExpression (ESCAPE escape=valueExpression)?           #like
    | IS NOT? NULL                                                                 #nullPredicate
    | IS NOT? DISTINCT FROM right=valueExpression                                  #distinctFrom
    ;

valueExpression
    : primaryExpression                                                            #valueDefault
    | valueExpression AT TIME ZONE zone=STRING                                     #atTimeZone
    | operator=(MINUS | PLUS) valueExpression                                      #arithmeticUnary
    | left=valueExpression operator=(ASTERISK | SLASH | PERCENT) right=valueExpression  #arithmeticBinary
    | left=valueExpression operator=(PLUS | MINUS) right=valueExpression           #arithmeticBinary
    | left=valueExpression operator=CONCAT right=valueExpression                   #arithmeticBinary
    ;

primaryExpression
    : literal                                                                      #literalExpression
    | CASE operand=expression whenClause+ (ELSE otherwise=expression)? END         #simpleCase
    | CASE whenClause+ (ELSE otherwise=expression)? END                            #searchedCase
    | CAST LPAREN expression AS type RPAREN                                        #cast
    | ARRAY LBRACKET (expression (COMMA expression)*)? RBRACKET                    #arrayConstructor
    | MAP LPAREN (mapEntry (COMMA mapEntry)*)? RPAREN                              #mapConstructor
    | STRUCT LPAREN (structField (COMMA structField)*)? RPAREN                     #structConstructor
    | identifier LPAREN ASTERISK RPAREN                                             #functionCallStar
    | identifier LPAREN (DISTINCT? functionArgument (COMMA functionArgument)*)? RPAREN   #functionCall
    | LPAREN expression RPAREN                                                     #parenthesized
    // ksqlDB's `type 'text'` literal: DATE '2021-01-01', TIMESTAMP '...', DECIMAL '1.50'.
    | identifier STRING                                                            #typedLiteral
    | qualifier=identifier DOT name=identifier                                     #qualifiedColumn
    | identifier                                                                   #column
    | base=primaryExpression LBRACKET index=valueExpression RBRACKET               #subscript
    | base=primaryExpression ARROW field=identifier                                #dereference
    ;

mapEntry
    : key=expression ASSIGN value=expression
    ;

structField
    : identifier ASSIGN expression
    ;

functionArgument
    : lambda
    | expression
    ;

lambda
    : identifier LAMBDA expression
    | LPAREN identifier (COMMA identifier)* RPAREN LAMBDA expression
    ;

whenClause
    : WHEN condition=expression THEN result=expression
    ;

comparisonOperator
    : EQ | NEQ | LT | LTE | GT | GTE
    ;

literal
    : NULL                                                                         #nullLiteral
    | booleanValue                                                                 #booleanLiteral
    | STRING                                                                       #stringLiteral
    | number                                                                       #numericLiteral
    ;

booleanValue
    : TRUE | FALSE
    ;

number
    : INTEGER_VALUE
    | DECIMAL_VALUE
    | FLOATING_POINT_VALUE
    ;

// ---------------------------------------------------------------- types

type
    : ARRAY LT type GT                                                             #arrayType
    | MAP LT keyType=type COMMA valueType=type GT                                  #mapType
    // STRUCT<> lexes as STRUCT followed by the not-equal operator.
    | STRUCT (LT (typeField (COMMA typeField)*)? GT | NEQ)                         #structType
    | DECIMAL LPAREN precision=INTEGER_VALUE COMMA scale=INTEGER_VALUE RPAREN      #decimalType
    | identifier                                                                   #namedType
    ;

typeField
    : identifier type
    ;

// ---------------------------------------------------------------- names

sourceName
    : identifier
    ;

identifier
    : IDENTIFIER                                                                   #unquotedIdentifier
    | DIGIT_IDENTIFIER                                                             #unquotedIdentifier
    | QUOTED_IDENTIFIER                                                            #quotedIdentifier
    | BACKQUOTED_IDENTIFIER                                                        #backQuotedIdentifier
    | nonReserved                                                                  #unquotedIdentifier
    ;

// Keywords that stay usable as identifiers. Everything not listed here is reserved: the words that
// can follow an expression or a relation (FROM, WHERE, JOIN, ON, AND, ...) and literal words.
nonReserved
    : ADD | ADVANCE | ALTER | ARRAY | ASSERT | AT | BEGINNING | CHANGES | COLUMN | CONNECTOR | CONNECTORS
    | DAY | DAYS | DECIMAL | DEFINE | DELETE | DESCRIBE | EXPLAIN | EXTENDED | FINAL | FUNCTION
    | FUNCTIONS | GRACE | HEADER | HEADERS | HOPPING | HOUR | HOURS | ID | IF | INTERVAL | KEY | LIST
    | MAP | MILLISECOND | MILLISECONDS | MINUTE | MINUTES | PARTITION | PAUSE | PERIOD | PLUGINS
    | PRIMARY | PRINT | PROPERTIES | QUERIES | REPLACE | RESUME | RETENTION | RUN | SAMPLE | SCHEMA
    | SCRIPT | SECOND | SECONDS | SESSION | SET | SHOW | SINK | SIZE | SOURCE | STREAM | STREAMS
    | STRUCT | SUBJECT | SYSTEM | TABLE | TABLES | TERMINATE | TIME | TIMEOUT | TOPIC | TOPICS | TUMBLING
    | TYPE | TYPES | UNDEFINE | UNSET | VARIABLES | WINDOW | ZONE
    ;

// ---------------------------------------------------------------- lexer

ADD: 'ADD';
ADVANCE: 'ADVANCE';
ALL: 'ALL';
ALTER: 'ALTER';
AND: 'AND';
ARRAY: 'ARRAY';
AS: 'AS';
ASSERT: 'ASSERT';
AT: 'AT';
BEGINNING: 'BEGINNING';
BETWEEN: 'BETWEEN';
BY: 'BY';
CASE: 'CASE';
CAST: 'CAST';
CHANGES: 'CHANGES';
COLUMN: 'COLUMN';
CONNECTOR: 'CONNECTOR';
CONNECTORS: 'CONNECTORS';
CREATE: 'CREATE';
DAY: 'DAY';
DAYS: 'DAYS';
DECIMAL: 'DECIMAL';
DEFINE: 'DEFINE';
DELETE: 'DELETE';
DESCRIBE: 'DESCRIBE';
DISTINCT: 'DISTINCT';
DROP: 'DROP';
ELSE: 'ELSE';
EMIT: 'EMIT';
END: 'END';
ESCAPE: 'ESCAPE';
EXISTS: 'EXISTS';
EXPLAIN: 'EXPLAIN';
EXTENDED: 'EXTENDED';
FALSE: 'FALSE';
FINAL: 'FINAL';
FROM: 'FROM';
FULL: 'FULL';
FUNCTION: 'FUNCTION';
FUNCTIONS: 'FUNCTIONS';
GRACE: 'GRACE';
GROUP: 'GROUP';
HAVING: 'HAVING';
HEADER: 'HEADER';
HEADERS: 'HEADERS';
HOPPING: 'HOPPING';
HOUR: 'HOUR';
HOURS: 'HOURS';
ID: 'ID';
IF: 'IF';
IN: 'IN';
INNER: 'INNER';
INSERT: 'INSERT';
INTERVAL: 'INTERVAL';
INTO: 'INTO';
IS: 'IS';
JOIN: 'JOIN';
KEY: 'KEY';
LEFT: 'LEFT';
LIKE: 'LIKE';
LIMIT: 'LIMIT';
LIST: 'LIST';
MAP: 'MAP';
MILLISECOND: 'MILLISECOND';
MILLISECONDS: 'MILLISECONDS';
MINUTE: 'MINUTE';
MINUTES: 'MINUTES';
NOT: 'NOT';
NULL: 'NULL';
ON: 'ON';
OR: 'OR';
OUTER: 'OUTER';
PARTITION: 'PARTITION';
PAUSE: 'PAUSE';
PERIOD: 'PERIOD';
PLUGINS: 'PLUGINS';
PRIMARY: 'PRIMARY';
PRINT: 'PRINT';
PROPERTIES: 'PROPERTIES';
QUERIES: 'QUERIES';
REPLACE: 'REPLACE';
RESUME: 'RESUME';
RETENTION: 'RETENTION';
RIGHT: 'RIGHT';
RUN: 'RUN';
SAMPLE: 'SAMPLE';
SCHEMA: 'SCHEMA';
SCRIPT: 'SCRIPT';
SECOND: 'SECOND';
SECONDS: 'SECONDS';
SELECT: 'SELECT';
SESSION: 'SESSION';
SET: 'SET';
SHOW: 'SHOW';
SINK: 'SINK';
SIZE: 'SIZE';
SOURCE: 'SOURCE';
STREAM: 'STREAM';
STREAMS: 'STREAMS';
STRUCT: 'STRUCT';
SUBJECT: 'SUBJECT';
SYSTEM: 'SYSTEM';
TABLE: 'TABLE';
TABLES: 'TABLES';
TERMINATE: 'TERMINATE';
THEN: 'THEN';
TIME: 'TIME';
TIMEOUT: 'TIMEOUT';
TOPIC: 'TOPIC';
TOPICS: 'TOPICS';
TRUE: 'TRUE';
TUMBLING: 'TUMBLING';
TYPE: 'TYPE';
TYPES: 'TYPES';
UNDEFINE: 'UNDEFINE';
UNSET: 'UNSET';
VALUES: 'VALUES';
VARIABLES: 'VARIABLES';
WHEN: 'WHEN';
WHERE: 'WHERE';
WINDOW: 'WINDOW';
WITH: 'WITH';
WITHIN: 'WITHIN';
ZONE: 'ZONE';

EQ: '=';
NEQ: '<>' | '!=';
LT: '<';
LTE: '<=';
GT: '>';
GTE: '>=';
PLUS: '+';
MINUS: '-';
ASTERISK: '*';
SLASH: '/';
PERCENT: '%';
CONCAT: '||';
ARROW: '->';
LAMBDA: '=>';
ASSIGN: ':=';
LPAREN: '(';
RPAREN: ')';
LBRACKET: '[';
RBRACKET: ']';
COMMA: ',';
DOT: '.';
SEMICOLON: ';';

STRING
    : '\'' ( ~'\'' | '\'\'' )* '\''
    ;

INTEGER_VALUE
    : DIGIT+
    ;

DECIMAL_VALUE
    : DIGIT+ '.' DIGIT*
    | '.' DIGIT+
    ;

FLOATING_POINT_VALUE
    : DIGIT+ ('.' DIGIT*)? EXPONENT
    | '.' DIGIT+ EXPONENT
    ;

IDENTIFIER
    : (LETTER | '_') (LETTER | DIGIT | '_')*
    ;

// ksqlDB accepts names that start with a digit (AS 1R); numbers win ties because they are defined first.
DIGIT_IDENTIFIER
    : DIGIT (LETTER | DIGIT | '_')+
    ;

QUOTED_IDENTIFIER
    : '"' ( ~'"' | '""' )* '"'
    ;

BACKQUOTED_IDENTIFIER
    : '`' ( ~'`' | '``' )* '`'
    ;

// A ${name} reference left after variable substitution: the variable was never defined.
VARIABLE
    : '${' (LETTER | DIGIT | '_')+ '}'
    ;

SIMPLE_COMMENT
    : '--' ~[\r\n]* -> channel(HIDDEN)
    ;

BRACKETED_COMMENT
    : '/*' .*? '*/' -> channel(HIDDEN)
    ;

WS
    : [ \t\r\n\f]+ -> channel(HIDDEN)
    ;

// The "unterminated" tokens only win when the closing quote or */ never comes (a terminated match is
// always longer), so that SqlParser can name the real problem instead of a confusing syntax error.
UNTERMINATED_STRING
    : '\'' ( ~'\'' | '\'\'' )*
    ;

UNTERMINATED_QUOTED_IDENTIFIER
    : '"' ( ~'"' | '""' )*
    ;

UNTERMINATED_BACKQUOTED_IDENTIFIER
    : '`' ( ~'`' | '``' )*
    ;

UNTERMINATED_COMMENT
    : '/*' ( ~'*' | '*'+ ~[*/] )* '*'*
    ;

// Any other character: lets the parser report it as "Syntax error at or near" with a position.
UNRECOGNIZED
    : .
    ;

fragment EXPONENT
    : 'E' [+-]? DIGIT+
    ;

fragment DIGIT
    : [0-9]
    ;

fragment LETTER
    : [A-Z]
    ;
